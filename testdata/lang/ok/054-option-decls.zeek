# what this covers: option declarations (read-only at runtime from scripts)
option debug_level = 0;
option site_name: string = "lab";
option watched: set[port] = { 22/tcp };

event zeek_init()
	{
	print debug_level, site_name, |watched|;
	if ( debug_level > 0 )
		print "debugging";
	}
