# A "return when" whose condition already holds: the caller's when body
# runs at once with the returned value; count results convert to the
# declared result type.
function square(c: count): count
	{
	return when [c] ( T )
		{
		return c * c;
		}
	}

function half(c: count): double
	{
	return when [c] ( T )
		{
		return c / 2;
		}
	}

event zeek_init()
	{
	when ( local s = square(7) )
		print "square", s;
	when ( local h = half(9) )
		print "half", h;
	when ( square(3) == 9 )
		print "square(3) is 9";
	print "end of zeek_init";
	}
