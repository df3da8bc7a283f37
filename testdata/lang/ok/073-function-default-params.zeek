# what this covers: function parameters with &default, trailing default arguments
function greet(name: string, greeting: string &default="hello", times: count &default=1): string
	{
	local s = "";
	local i = 0;
	while ( i < times )
		{
		s += greeting + " " + name + ";";
		++i;
		}
	return s;
	}

event zeek_init()
	{
	print greet("a");
	print greet("b", "hi");
	print greet("c", "yo", 2);
	}
