# what this covers: double values in exponent notation, floor and sqrt BIFs
event zeek_init()
	{
	local big = 1.5e10;
	local tiny = 2.5e-7;
	print big * tiny, floor(2.7), sqrt(16.0);
	print big > 1e9, tiny < 1e-6;
	}
