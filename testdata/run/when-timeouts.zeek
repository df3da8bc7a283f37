# when statements with timeouts of different lengths: each times out at
# its own time, in time order, interleaved with scheduled events.
global flag = F;

event set_flag()
	{
	print "set_flag";
	flag = T;
	}

event zeek_init()
	{
	when ( flag )
		print "flag set (no timeout)";

	when ( 1 == 2 )
		print "never";
	timeout 3 secs
		{ print "timeout 3s"; }

	when ( flag )
		print "flag set before its timeout";
	timeout 5 secs
		{ print "not this timeout"; }

	when ( 1 == 2 )
		print "never";
	timeout 1 sec
		{ print "timeout 1s"; }

	schedule 2 secs { set_flag() };
	}
