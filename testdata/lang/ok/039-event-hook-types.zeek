# what this covers: event and hook types in declarations
global ping: event(n: count);
global check: hook(n: count);
global handlers: set[function(s: string): string];

event ping(n: count)
	{
	print "ping", n;
	}

hook check(n: count)
	{
	print "check", n;
	}

event zeek_init()
	{
	event ping(1);
	hook check(2);
	print |handlers|;
	}
