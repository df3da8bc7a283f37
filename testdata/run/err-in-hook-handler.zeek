# An error in a hook handler ends that handler only: as in Zeek (where
# ScriptFunc::Invoke catches it per body for hooks and events), the other
# hook handlers still run and the hook call returns normally to the
# handler that made it.
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
event zeek_done() &priority=1
	{
	hook h(1);
	print hook h(0);
	print "after the hooks";
	}
event zeek_done()
	{
	print "next handler";
	}
