# A hook without handlers returns T.
global lonely: hook(n: count);

event zeek_init()
	{
	print hook lonely(1);
	if ( hook lonely(2) )
		print "ran";
	}
