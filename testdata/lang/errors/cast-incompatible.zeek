# expect: error in ./cast-incompatible.zeek, line 6: cast not supported (string as count)
# what this covers: as between unrelated static types

event zeek_init()
	{
	print "string" as count;
	}
