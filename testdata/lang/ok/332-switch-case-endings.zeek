# what this covers: every case block, the last one too, ends in break, fallthrough or return; loop next comes after the switch
function classify(n: count): string
	{
	switch ( n ) {
	case 0:
		return "zero";
	case 1, 2:
		fallthrough;
	case 3:
		return "small";
	default:
		return "big";
	}
	}

event zeek_init()
	{
	local skipped = 0;
	for ( i in vector(5, 0, 2) )
		{
		local skip = F;
		switch ( i ) {
		case 1:
			skip = T;
			break;
		default:
			print classify(i);
			break;
		}
		if ( skip )
			{
			++skipped;
			next;
			}
		}
	print skipped;
	}
