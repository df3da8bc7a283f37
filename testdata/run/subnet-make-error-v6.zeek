# what this covers: the IPv6 prefix length error of `addr / width`.
event zeek_init()
	{
	local i = 129;
	print [::1]/i;
	}
