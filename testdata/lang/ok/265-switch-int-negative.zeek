# what this covers: switch on int values with negative case labels
function sgn(i: int): string
	{
	switch ( i ) {
	case -1:
		return "minus one";
	case +0:
		return "zero";
	case +1:
		return "plus one";
	default:
		return "far";
	}
	}

event zeek_init()
	{
	print sgn(-1), sgn(+0), sgn(+1), sgn(+7);
	}
