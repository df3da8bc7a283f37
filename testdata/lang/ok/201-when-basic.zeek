# what this covers: when with a condition on a global, body runs once the condition holds
global ready = F;

event zeek_init()
	{
	when ( ready )
		{
		print "ready now";
		}
	ready = T;
	}
