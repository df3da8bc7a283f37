# what this covers: mask_addr keeps the top bits; subnet_width.
event zeek_init()
	{
	print mask_addr(192.168.17.33, 16), mask_addr(192.168.17.33, 24);
	print mask_addr([2001:db8:1:2::1], 48);
	print subnet_width(10.0.0.0/8), subnet_width(1.2.3.4/32), subnet_width([2001:db8::]/32);
	}
