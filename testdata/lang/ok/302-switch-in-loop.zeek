# what this covers: switch inside loops; every case body ends in break/return/fallthrough; loop next/break after it
event zeek_init()
	{
	local words = vector("skip", "print", "stop", "never");
	for ( i in words )
		{
		local action = "";
		switch ( words[i] ) {
		case "skip":
			action = "next";
			break;
		case "stop":
			action = "break";
			break;
		default:
			print words[i];
			break;
		}
		if ( action == "next" )
			next;
		if ( action == "break" )
			break;
		}
	}
