# what this covers: switch with single-value cases, default, break
function name_of(n: count): string
	{
	local r = "";
	switch ( n ) {
	case 1:
		r = "one";
		break;
	case 2:
		r = "two";
		break;
	default:
		r = "many";
		break;
	}
	return r;
	}

event zeek_init()
	{
	print name_of(1), name_of(2), name_of(9);
	}
