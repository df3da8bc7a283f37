# what this covers: hook handlers raising events and calling functions
global note_it: event(s: string);
global inspect: hook(s: string);

event note_it(s: string)
	{
	print "noted", s;
	}

hook inspect(s: string)
	{
	if ( /bad/ in s )
		event note_it(s);
	}

event zeek_init()
	{
	hook inspect("a bad thing");
	hook inspect("fine");
	}
