# expect: error in ./duplicate-case-label.zeek, line 9: duplicate case label (1)
# what this covers: the same case label twice in a switch

event zeek_init()
	{
	switch ( 3 ) {
	case 1:
		break;
	case 1, 2:
		break;
	}
	}
