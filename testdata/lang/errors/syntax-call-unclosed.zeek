# expect: error in ./syntax-call-unclosed.zeek, line 6: syntax error, at or near ";"
# what this covers: call argument list missing ')'

event zeek_init()
	{
	print fmt("%d", 1;
	}
