# what this covers: unary minus on counts gives an int; |x| of an int is a
# count.
event zeek_init()
	{
	local c = 5;
	local n = -c;
	print n, type_name(n), |n|, type_name(|n|);
	print +c, type_name(+c);
	}
