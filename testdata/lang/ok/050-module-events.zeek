# what this covers: events declared in a module export and raised with qualified names
module Ev;

export {
	global started: event(n: count);
}

event Ev::started(n: count)
	{
	print "started", n;
	}

event zeek_init()
	{
	event Ev::started(1);
	event started(2);
	}
