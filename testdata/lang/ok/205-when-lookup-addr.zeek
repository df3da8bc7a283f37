# what this covers: when with lookup_addr async BIF, captures and timeout
event zeek_init()
	{
	local host = 127.0.0.1;
	when [host] ( local name = lookup_addr(host) )
		{
		print host, name;
		}
	timeout 1 min
		{
		print "no answer for", host;
		}
	}
