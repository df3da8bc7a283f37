# what this covers: functions returning containers constructed in the body
function evens(n: count): vector of count
	{
	local out: vector of count;
	local i = 0;
	while ( i < n )
		{
		if ( i % 2 == 0 )
			out += i;
		++i;
		}
	return out;
	}

function as_set(v: vector of count): set[count]
	{
	local s: set[count];
	for ( i in v )
		add s[v[i]];
	return s;
	}

event zeek_init()
	{
	print evens(7), |as_set(evens(7))|;
	}
