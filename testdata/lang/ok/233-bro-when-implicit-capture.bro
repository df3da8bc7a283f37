# what this covers: Bro 2.x when without a capture list using outer locals (implicit deep copy)
event bro_init()
	{
	local host = 127.0.0.1;
	local label = "loopback";
	when ( local name = lookup_addr(host) )
		{
		print label, host, name;
		}
	timeout 5 secs
		{
		print "timeout", label;
		}
	}
