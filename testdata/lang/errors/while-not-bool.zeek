# expect: error in ./while-not-bool.zeek, line 6: while conditional must be boolean (s)
# what this covers: while condition of type string

event zeek_init()
	{
	while ( "s" )
		break;
	}
