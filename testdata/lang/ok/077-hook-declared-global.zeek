# what this covers: hooks declared with global, hook with no handlers returns T
global filter: hook(s: string);
global unused_hook: hook();

hook filter(s: string)
	{
	if ( s == "drop" )
		break;
	}

event zeek_init()
	{
	print hook filter("keep"), hook filter("drop");
	print hook unused_hook();
	}
