# what this covers: when with a timeout block
global flag = F;

event zeek_init()
	{
	when ( flag )
		{
		print "flag set";
		}
	timeout 5 secs
		{
		print "timed out";
		}
	}
