# Infinity and NaN render as inf, -inf and nan: a product that overflows
# gives inf (not an error), inf - inf gives nan.
event zeek_init()
	{
	local big = 1e308;
	local inf = big * 10.0;
	print inf, -inf;
	print inf - inf;
	}
