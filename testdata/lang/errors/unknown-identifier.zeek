# expect: error in ./unknown-identifier.zeek, line 6: unknown identifier nosuch, at or near "nosuch"
# what this covers: use of an undeclared identifier

event zeek_init()
	{
	print nosuch;
	}
