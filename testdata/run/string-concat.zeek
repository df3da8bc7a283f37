# Chains of string + build one string; operands are evaluated left to
# right.
function tag(s: string): string
	{
	print "eval", s;
	return s;
	}

event zeek_init()
	{
	local a = "x";
	print tag("1") + a + tag("2") + "-" + cat(3);
	print "" + "", |"ab" + "cd"|;
	}
