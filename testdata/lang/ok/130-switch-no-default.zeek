# what this covers: switch without default where no case matches; empty-bodied break case
event zeek_init()
	{
	local x = 5;
	switch ( x ) {
	case 1:
		break;
	case 2:
		print "two";
		break;
	}
	print "done";
	}
