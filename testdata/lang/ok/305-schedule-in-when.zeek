# what this covers: schedule statements inside when bodies and timeout blocks
global go = F;

event fire(s: string)
	{
	print s;
	}

event zeek_init()
	{
	when ( go )
		{
		schedule 1 sec { fire("after when") };
		}
	timeout 1 min
		{
		schedule 1 sec { fire("after timeout") };
		}
	go = T;
	}
