# what this covers: ternary operator right associativity and low precedence
function sign(n: int): string
	{
	return n < 0 ? "neg" : n == 0 ? "zero" : "pos";
	}

event zeek_init()
	{
	print sign(-1), sign(+0), sign(+9);
	local x = T ? 1 + 2 : 3 * 4;
	local y = F || T ? "yes" : "no";
	print x, y;
	}
