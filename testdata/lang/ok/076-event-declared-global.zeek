# what this covers: events declared with global before any handler and raised from functions
global tick: event(i: count);

function fire(i: count)
	{
	event tick(i);
	}

event tick(i: count)
	{
	print "tick", i;
	}

event zeek_init()
	{
	fire(1);
	fire(2);
	}
