# what this covers: unary + and - on double and interval keep their types; on count they give int
event zeek_init()
	{
	local d = +1.5;
	local iv = -(5 secs);
	local c = 3;
	local i: int = -c;
	local j: int = +c;
	print d, iv, i, j;
	}
