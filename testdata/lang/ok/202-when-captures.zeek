# what this covers: when with a capture list [a, copy b]
event zeek_init()
	{
	local a = 1.2.3.4;
	local seen: set[string] = set("x");
	when [a, copy seen] ( |seen| > 0 )
		{
		print a, |seen|;
		}
	}
