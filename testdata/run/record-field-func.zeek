# A function-typed record field is called through the $ chain.
type Handler: record { name: string; f: function(n: count): count; };

event zeek_init()
	{
	local h = Handler($name = "double", $f = function(n: count): count { return n * 2; });
	print h$name, h$f(21);
	}
