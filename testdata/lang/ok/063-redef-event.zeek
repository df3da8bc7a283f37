# what this covers: redef event replaces the previously defined handler bodies
global ping: event(n: count);

event ping(n: count)
	{
	print "first body", n;
	}

redef event ping(n: count)
	{
	print "replacement body", n;
	}

event zeek_init()
	{
	event ping(1);
	}
