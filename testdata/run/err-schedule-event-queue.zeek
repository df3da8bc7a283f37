# what this covers: events queued by a handler that then fails are still
# delivered (the queueing happened before the error).
global e: event(s: string);
event e(s: string)
	{
	print "got", s;
	}
event zeek_init()
	{
	event e("queued before the error");
	local z = 0;
	print 1 / z;
	event e("never queued");
	}
