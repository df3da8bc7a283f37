# expect: error in ./syntax-stray-brace.zeek, line 8: syntax error, at or near "}"
# what this covers: an extra closing brace after a handler body

event zeek_init()
	{
	print 1;
	}
}
