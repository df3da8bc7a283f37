# expect(ours): error in ./case-without-break.zeek, line 7: case block must end in break/fallthrough/return statement
# what this covers: case body that does not end in break/fallthrough/return

event zeek_init()
	{
	switch ( 3 ) {
	case 1:
		print "one";
	default:
		break;
	}
	}
