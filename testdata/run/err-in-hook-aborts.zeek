# what this covers: an error in a hook handler aborts the handler that ran
# the hook, including the remaining hook handlers.
global h: hook(n: count);
hook h(n: count) &priority=2
	{
	print "hook 1", n;
	print 1 / n;
	}
hook h(n: count) &priority=1
	{
	print "hook 2", n;
	}
event zeek_init() &priority=1
	{
	hook h(1);
	hook h(0);
	print "not reached";
	}
event zeek_init()
	{
	print "next handler";
	}
