# &group puts handlers (events and hooks) in a group that can be
# disabled and enabled at run time.
global h: hook(s: string);

event ping(n: count) &group="g1"
	{
	print "g1 ping", n;
	}

event ping(n: count)
	{
	print "plain ping", n;
	}

event ping(n: count) &group="g2"
	{
	print "g2 ping", n;
	}

hook h(s: string) &group="g1"
	{
	print "g1 hook", s;
	}

hook h(s: string)
	{
	print "plain hook", s;
	}

event step2()
	{
	event ping(2);
	hook h("two");
	print enable_event_group("g1");
	event ping(3);
	}

event zeek_init()
	{
	print has_event_group("g1"), has_event_group("g2"), has_event_group("nope");
	print disable_event_group("g1"), disable_event_group("nope"), enable_event_group("nope");
	event ping(1);
	hook h("one");
	event step2();
	}
