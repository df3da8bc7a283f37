# what this covers: handlers of one event run by priority, higher first;
# equal priorities keep declaration order.
global e: event();
event e() &priority=0 { print "p0 first"; }
event e() &priority=5 { print "p5"; }
event e() &priority=0 { print "p0 second"; }
event e() &priority=-5 { print "p-5"; }
event zeek_init()
	{
	event e();
	}
