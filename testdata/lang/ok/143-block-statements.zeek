# what this covers: nested blocks, empty blocks and empty statements
event zeek_init()
	{
	{
		local inner = 1;
		{
			print inner;
		}
	}
	{ }
	;
	if ( T ) { } else { ; }
	print "blocks";
	}
