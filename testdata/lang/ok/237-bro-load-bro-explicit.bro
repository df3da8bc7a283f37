# what this covers: a .bro script loading a .bro helper with explicit extension
@load ./lib/legacy.bro

event bro_init()
	{
	print legacy_value;
	}
