# expect: error in ./syntax-keyword-as-name.zeek, line 6: syntax error, at or near "event"
# what this covers: a keyword used as a local variable name

event zeek_init()
	{
	local event = 1;
	}
