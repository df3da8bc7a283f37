# what this covers: string escapes \n \t \\ \" \xHH and octal escapes
event zeek_init()
	{
	local a = "line1\nline2";
	local b = "tab\there";
	local c = "back\\slash";
	local d = "say \"hi\"";
	local e = "\x41\x42\x43";
	local f = "\101\102\103";
	local g = "nul\x00byte";
	print a, b, c, d, e, f;
	print |g|;
	}
