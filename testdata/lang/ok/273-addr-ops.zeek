# what this covers: addr comparison, masking, v4/v6 family checks and counts
event zeek_init()
	{
	local a = 192.168.1.10;
	local b = [2001:db8::10];
	print a < 192.168.1.11, a / 16, b / 48;
	print is_v4_addr(a), is_v6_addr(b);
	print addr_to_counts(a);
	}
