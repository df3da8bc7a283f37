# expect: error in ./syntax-missing-semicolon.zeek, line 7: syntax error, at or near "print"
# what this covers: missing ';' after a local declaration

event zeek_init()
	{
	local x = 1
	print x;
	}
