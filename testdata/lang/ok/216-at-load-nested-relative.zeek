# what this covers: @load ../x from a loaded script resolves against that script's directory
@load ./lib/nested/inner

event zeek_init()
	{
	print inner_value, helper_value;
	}
