# what this covers: &priority on hook handlers with negative and positive values
global h: hook(s: string);

hook h(s: string) &priority=-10
	{
	print "late", s;
	}

hook h(s: string) &priority=100
	{
	print "early", s;
	}

event zeek_init()
	{
	hook h("x");
	}
