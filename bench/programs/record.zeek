# Record field access: 1M iterations, each reading three fields and writing
# two of a mutable record.
type Point: record {
	x: count;
	y: count;
};

event zeek_init()
	{
	local n = 1000000;
	local p = Point($x=0, $y=1);
	local i = 0;
	while ( i < n )
		{
		p$x = p$x + p$y;
		p$y = p$y + 1;
		++i;
		}
	print p$x;
	}
