# what this covers: when with lookup_hostname_txt
event zeek_init()
	{
	when ( local txt = lookup_hostname_txt("example.com") )
		{
		print |txt| >= 0;
		}
	timeout 5 secs
		{
		print "txt timeout";
		}
	}
