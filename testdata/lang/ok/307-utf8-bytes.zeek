# what this covers: raw non-ASCII (UTF-8) bytes inside string literals and comments — héllo
event zeek_init()
	{
	local s = "héllo wörld";
	print s, |s|;
	print "ü" in s, to_upper("é");
	}
