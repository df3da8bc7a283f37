# Handlers of one event declared with alternate prototypes that drop
# trailing parameters: every handler runs, by priority, and each sees the
# parameters its prototype names.
global my_weird: event(name: string, addl: string, source: string);
global my_weird: event(name: string, addl: string);

event my_weird(name: string, addl: string) &priority=5
	{
	print "bro-era", name, addl;
	}

event my_weird(name: string, addl: string, source: string)
	{
	print "current", name, addl, source;
	}

event zeek_init()
	{
	event my_weird("bad_checksum", "x", "TCP");
	}
