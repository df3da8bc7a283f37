# An error inside a when body ends that body only; later events go on.
redef exit_only_after_terminate = T;

global go = F;

event flip()
	{
	go = T;
	print "flip done";
	}

event later()
	{
	print "later";
	terminate();
	}

event zeek_init()
	{
	local t: table[count] of count;
	when [t] ( go )
		{
		print "body start";
		print t[5];
		print "body end";
		}
	schedule 10 msec { flip() };
	schedule 20 msec { later() };
	}
