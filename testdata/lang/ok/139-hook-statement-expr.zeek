# what this covers: hook invocation as statement and as boolean expression
global allow: hook(a: addr);

hook allow(a: addr)
	{
	if ( a in 10.0.0.0/8 )
		break;
	}

event zeek_init()
	{
	hook allow(1.2.3.4);
	local ok = hook allow(10.1.1.1);
	if ( hook allow(8.8.8.8) )
		print "allowed";
	print ok, ! ( hook allow(10.0.0.1) );
	}
