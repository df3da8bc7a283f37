# A when that never holds with a timeout: the timeout body runs (at the
# end of the run here) and can read the captured locals.
event zeek_init()
	{
	local who = "me";
	when [who] ( 1 > 2 )
		print "never";
	timeout 1 msec
		{
		print "timed out for", who;
		}
	print "zeek_init";
	}
