# A vector of any holds values of several types and prints each as its
# own kind.
event zeek_init()
	{
	local v: vector of any = vector();
	v += 1;
	v += "two";
	v += 3.0;
	v += 4/tcp;
	print v, |v|;
	print v[1] is string, v[0] is count;
	}
