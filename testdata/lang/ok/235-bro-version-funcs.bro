# what this covers: Bro 2.x function names bro_version() and bro_is_terminating()
event bro_init()
	{
	local v = bro_version();
	print |v| > 0, bro_is_terminating();
	}
