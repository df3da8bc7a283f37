# what this covers: @pragma push ignore-deprecations / @pragma pop around deprecated uses
global old_api = 1 &deprecated="use new_api";
global new_api = 2;

@pragma push ignore-deprecations
global copy_of_old = old_api;
@pragma pop ignore-deprecations

@pragma push ignore-deprecations
global again = old_api + 1;
@pragma pop

event zeek_init()
	{
	print copy_of_old, again, new_api;
	}
