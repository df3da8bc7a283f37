# what this covers: pattern character classes incl. [[:digit:]], negated classes, ranges
event zeek_init()
	{
	local digits = /[[:digit:]]+/;
	local alpha = /[[:alpha:]][[:alnum:]_]*/;
	local notab = /[^abc]+/;
	local hex = /0x[0-9a-fA-F]+/;
	local sp = /[[:space:]]*/;
	print digits == "12345", alpha == "x_9";
	print notab == "xyz", hex == "0xBEEF", sp == "  ";
	}
