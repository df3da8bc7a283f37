# expect: error in ./syntax-missing-paren.zeek, line 8: syntax error, at or near "print"
# what this covers: if condition missing its closing parenthesis

event zeek_init()
	{
	local x = 2;
	if ( x > 1
		print "big";
	}
