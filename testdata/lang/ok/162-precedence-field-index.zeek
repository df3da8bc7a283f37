# what this covers: $ and [] bind tighter than unary and binary operators
type R: record {
	v: vector of count;
	n: count;
};

event zeek_init()
	{
	local r = R($v=vector(1, 2, 3), $n=4);
	print r$v[1] + r$n * 2;
	print -r$n;
	print |r$v| + 1;
	print r$v[0] < r$n;
	}
