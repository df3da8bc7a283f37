# what this covers: mixing octal, hex and ordinary escapes within one string literal
event zeek_init()
	{
	local s = "\x48\145llo\t\x57orld\n\\end\"";
	print s, |s|;
	print "\0" == "\x00";
	}
