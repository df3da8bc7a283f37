# what this covers: &default on event and hook parameters
global ev: event(a: count, b: string &default="dflt");
global hk: hook(a: count, b: count &default=7);

event ev(a: count, b: string)
	{
	print a, b;
	}

hook hk(a: count, b: count)
	{
	print a + b;
	}

event zeek_init()
	{
	event ev(1);
	event ev(2, "given");
	hook hk(1);
	}
