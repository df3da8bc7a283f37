# what this covers: if, if/else and else-if chains, with and without braces
function classify(n: int): string
	{
	if ( n < 0 )
		return "negative";
	else if ( n == 0 )
		return "zero";
	else if ( n < 10 )
		{
		return "small";
		}
	else
		{
		local big = "big";
		return big;
		}
	}

event zeek_init()
	{
	print classify(-3), classify(+0), classify(+5), classify(+50);
	if ( T ) print "one-line if";
	}
