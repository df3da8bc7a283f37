# what this covers: @load finds a .bro script when no .zeek exists
@load ./lib/legacy

event zeek_init()
	{
	print legacy_value;
	}
