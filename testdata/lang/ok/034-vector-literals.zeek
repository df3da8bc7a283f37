# what this covers: vector types, vector() constructor, indexing, length
global names: vector of string = vector("x", "y", "z");

event zeek_init()
	{
	local v = vector(1, 2, 3);
	local w: vector of double = vector(1.5, 2.5);
	local e: vector of count = vector();
	print v[0], w[1], names[2];
	print |v|, |w|, |e|;
	}
