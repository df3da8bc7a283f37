# what this covers: is operator testing the dynamic type of any values
function kind(x: any): string
	{
	if ( x is bool ) return "bool";
	if ( x is count ) return "count";
	if ( x is int ) return "int";
	if ( x is string ) return "string";
	if ( x is set[string] ) return "set of string";
	if ( x is vector of count ) return "vector of count";
	return "other";
	}

event zeek_init()
	{
	print kind(T), kind(1), kind(-1), kind("s"), kind(set("a")), kind(vector(1)), kind(1.0);
	}
