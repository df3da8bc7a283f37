# what this covers: a hook handler's `break` stops the remaining handlers
# and makes the hook expression false.
global h: hook(s: string);
hook h(s: string) &priority=10
	{
	print "first", s;
	if ( s == "stop" )
		break;
	}
hook h(s: string)
	{
	print "second", s;
	}
event zeek_init()
	{
	print hook h("go");
	print hook h("stop");
	}
