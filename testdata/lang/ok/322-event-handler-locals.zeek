# what this covers: event parameters shadowing globals and modified locally
global n = 100;

event adjust(n: count)
	{
	n = n + 1;
	print n;
	}

event zeek_init()
	{
	event adjust(1);
	print n;
	}
