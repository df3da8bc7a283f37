# A hook result used in a condition: the policy pattern where any handler
# can veto.
global allow: hook(host: addr);

hook allow(host: addr)
	{
	if ( host in 10.0.0.0/8 )
		break;
	}

event zeek_init()
	{
	for ( a in vector(10.1.1.1, 192.168.1.1) )
		print a, hook allow(vector(10.1.1.1, 192.168.1.1)[a]) ? "allowed" : "vetoed";
	}
