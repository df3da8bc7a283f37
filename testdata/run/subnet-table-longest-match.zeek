# Indexing a subnet-keyed table with an addr picks the longest matching
# prefix.
event zeek_init()
	{
	local t: table[subnet] of string = {
		[10.0.0.0/8] = "eight",
		[10.1.0.0/16] = "sixteen",
		[10.1.2.0/24] = "twenty-four",
	};
	print t[10.1.2.3], t[10.1.9.9], t[10.9.9.9];
	print 10.1.2.3 in t, 11.1.1.1 in t;
	}
