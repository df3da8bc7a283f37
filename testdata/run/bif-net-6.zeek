# what this covers: addr_to_counts / counts_to_addr round trip.
event zeek_init()
	{
	print addr_to_counts(1.2.3.4);
	print addr_to_counts([2001:db8::1]);
	print counts_to_addr(vector(16909060));
	print counts_to_addr(addr_to_counts([2001:db8::1])) == [2001:db8::1];
	}
