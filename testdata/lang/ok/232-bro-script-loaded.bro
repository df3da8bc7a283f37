# what this covers: Bro 2.x bro_script_loaded event handler
event bro_script_loaded(path: string, level: count)
	{
	if ( level == 0 )
		print "top-level script loaded";
	}

event bro_init() &priority=5
	{
	print "init";
	}
