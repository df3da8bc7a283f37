# what this covers: escapes inside patterns (\x hex, \t, escaped metacharacters)
event zeek_init()
	{
	local p = /\x41\x42/;
	local q = /a\tb/;
	local r = /\(\)\[\]\{\}\*\+\?\|/;
	local s = /\$[0-9]+\.[0-9]{2}/;
	print p == "AB", q == "a\tb", r == "()[]{}*+?|", s == "$12.50";
	}
