# what this covers: trailing parameters with defaults may be left out.
function greet(name: string, greeting: string &default="hello", n: count &default=1): string
	{
	return fmt("%s %s x%d", greeting, name, n);
	}
event zeek_init()
	{
	print greet("a");
	print greet("b", "hi");
	print greet("c", "hey", 3);
	}
