# what this covers: loading a script that carries @deprecated "msg" (warning only)
@load ./lib/deprecated-helper

event zeek_init()
	{
	print deprecated_helper_value;
	}
