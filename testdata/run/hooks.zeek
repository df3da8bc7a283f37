# Hooks run at once by priority; break stops the chain and yields F.
global h: hook(n: count);

hook h(n: count) &priority=5 { print "first", n; }
hook h(n: count) { if ( n > 1 ) break; print "second", n; }
hook h(n: count) &priority=-5 { print "third", n; }

event zeek_init()
	{
	print hook h(1);
	print hook h(2);
	hook h(3);
	}
