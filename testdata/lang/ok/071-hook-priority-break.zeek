# what this covers: hook handlers with priorities and break ending the chain
hook policy(n: count) &priority=5
	{
	if ( n == 0 )
		break;
	print "high", n;
	}

hook policy(n: count)
	{
	print "low", n;
	}

event zeek_init()
	{
	hook policy(1);
	hook policy(0);
	}
