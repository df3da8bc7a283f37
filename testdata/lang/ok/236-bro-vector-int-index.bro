# what this covers: Bro 2.x style vector loop with an int-typed index variable
event bro_init()
	{
	local v = vector("a", "b");
	local i: int;
	for ( i in v )
		print i;
	}
