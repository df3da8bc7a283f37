# what this covers: while loop with an else-if chain and early return from a function
function fizz(n: count): string
	{
	local out = "";
	local i = 1;
	while ( i <= n )
		{
		if ( i % 15 == 0 )
			out += "FB";
		else if ( i % 5 == 0 )
			out += "B";
		else if ( i % 3 == 0 )
			out += "F";
		else
			out += cat(i);
		++i;
		}
	return out;
	}

event zeek_init()
	{
	print fizz(15);
	}
