# what this covers: /re/i matches regardless of case; its stored text
# wraps the pattern in (?i:...).
event zeek_init()
	{
	local p = /hello/i;
	print p;
	print "HeLLo" == p, "HELLO" == p, "help" == p, p in "say HELLO!";
	print "Hello" == /hello/;
	}
