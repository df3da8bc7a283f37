# Arguments are evaluated before their event is queued: an event raised
# while evaluating them is queued first.
event inner() { print "inner"; }
event outer(n: count) { print "outer", n; }

function raise_inner(): count
	{
	event inner();
	return 7;
	}

event zeek_init()
	{
	event outer(raise_inner());
	event outer(1);
	}
