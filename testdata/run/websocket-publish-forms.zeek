# The forms of publish and make_event, checked without a client: a bad
# argument list is an error of the call, naming what is wrong.
global e: event(n: count, s: string);
global i: event(n: int);

event zeek_init()
	{
	local be = Broker::make_event(e, 1, "x");
	print be$name, |be$args|;
	print Broker::publish("t/", e, 1, "x");
	print Broker::publish("t/", be);
	local ce = Cluster::make_event(e, 2, "y");
	print Cluster::publish("t/", ce);
	print Broker::publish("t/", i, 3);   # a count literal is fine for int
	print Broker::publish("t/", e, "x", 1);
	print Broker::publish("t/", e, 1);
	print Broker::publish("t/", 42);
	}
