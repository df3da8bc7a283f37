# what this covers: nested when statements, inner capturing variables bound by the outer
event zeek_init()
	{
	local a = 127.0.0.1;
	when [a] ( local name = lookup_addr(a) )
		{
		when [name] ( local addrs = lookup_hostname(name) )
			{
			print name, |addrs|;
			}
		}
	}
