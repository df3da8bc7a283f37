# what this covers: the any type holding different values, is and as
function describe(a: any): string
	{
	if ( a is count )
		return fmt("count %d", a as count);
	if ( a is string )
		return "string " + (a as string);
	return "other";
	}

event zeek_init()
	{
	print describe(5), describe("x"), describe(1.5);
	local x: any = 10.0.0.1;
	print x as addr;
	}
