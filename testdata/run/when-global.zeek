# A when condition over a global is re-evaluated after each event.
global counter = 0;

event bump()
	{
	++counter;
	if ( counter < 3 )
		event bump();
	}

event zeek_init()
	{
	when ( counter == 3 )
		print "counter reached", counter;
	event bump();
	print "queued";
	}
