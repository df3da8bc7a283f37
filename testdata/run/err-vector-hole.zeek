# what this covers: reading a hole in a vector is also "no such index".
event zeek_init()
	{
	local v: vector of string;
	v[2] = "two";
	print v, |v|;
	print v[0];
	}
