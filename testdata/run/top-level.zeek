# Top-level statements run before zeek_init; globals keep their values.
global counter = 10;
global names: set[string] = { "a", "b" };
counter = counter + 1;
print "top", counter, |names|;

event zeek_init()
	{
	counter += 5;
	print "init", counter;
	}
