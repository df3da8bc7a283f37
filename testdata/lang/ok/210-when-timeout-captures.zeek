# what this covers: timeout block using captured locals; timeout interval from a variable
event zeek_init()
	{
	local name = "job";
	local wait = 2 min;
	when [name] ( F )
		{
		print "never", name;
		}
	timeout wait
		{
		print "timeout for", name;
		}
	}
