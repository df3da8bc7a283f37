# what this covers: the conditional expression evaluates only the chosen
# arm; numeric arms are promoted to a common type.
function boom(): count
	{
	print "boom evaluated";
	return 0;
	}
event zeek_init()
	{
	local x = 5;
	print x > 3 ? "big" : "small", x > 10 ? "big" : "small";
	print T ? 1 : boom();
	local mixed = F ? 1 : 2.5;
	print mixed, type_name(mixed);
	}
