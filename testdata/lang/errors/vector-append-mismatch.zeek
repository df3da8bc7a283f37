# expect: error in ./vector-append-mismatch.zeek, line 7: appending non-arithmetic to arithmetic vector (v += x)
# what this covers: appending a string to a vector of count

event zeek_init()
	{
	local v = vector(1, 2);
	v += "x";
	}
