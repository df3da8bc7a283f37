# what this covers: is_valid_ip accepts IPv4 and IPv6 text only.
event zeek_init()
	{
	print is_valid_ip("1.2.3.4"), is_valid_ip("::1"), is_valid_ip("2001:db8::ff00:42:8329");
	print is_valid_ip("256.1.1.1"), is_valid_ip("1.2.3"), is_valid_ip("hello"), is_valid_ip("");
	}
