# what this covers: lambdas passed as function arguments and stored in containers
function apply(v: vector of count, f: function(n: count): count): vector of count
	{
	local out: vector of count = vector();
	for ( i in v )
		out += f(v[i]);
	return out;
	}

global transforms: vector of function(n: count): count;

event zeek_init()
	{
	print apply(vector(1, 2, 3), function(n: count): count { return n * n; });
	transforms += function(n: count): count { return n + 100; };
	print transforms[0](1);
	}
