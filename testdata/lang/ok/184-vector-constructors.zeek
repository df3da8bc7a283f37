# what this covers: vector(...) constructors, typed empty vectors, brace initializers
global gv: vector of count = { 1, 2, 3 };

event zeek_init()
	{
	local v1 = vector(1, 2, 3);
	local v2 = vector("a");
	local v3: vector of double = vector();
	local v4 = vector(+1, -2);
	print |v1|, v2[0], |v3|, v4, |gv|;
	}
