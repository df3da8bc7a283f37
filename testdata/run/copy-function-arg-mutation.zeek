# Passing copy(x) to a function protects the caller's aggregate; passing
# x itself lets the function change it.
function grow(v: vector of count) { v += 99; }

event zeek_init()
	{
	local v = vector(1);
	grow(copy(v));
	print v;
	grow(v);
	print v;
	}
