# what this covers: addr_to_ptr_name / ptr_name_to_addr.
event zeek_init()
	{
	print addr_to_ptr_name(192.168.1.2);
	print ptr_name_to_addr("4.3.2.1.in-addr.arpa");
	print addr_to_ptr_name([2001:db8::1]);
	print ptr_name_to_addr(addr_to_ptr_name([2001:db8::1]));
	}
