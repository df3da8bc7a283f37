# A hook handler that breaks stops the lower-priority handlers; the hook
# call as an expression is then F; with no break it is T.
global h: hook(n: count);

hook h(n: count) &priority=10 { print "first", n; }
hook h(n: count) &priority=5 { print "second", n; if ( n > 1 ) break; }
hook h(n: count) { print "third", n; }

event zeek_init()
	{
	print hook h(1);
	print hook h(2);
	}
