# what this covers: sqrt, floor, ceil.
event zeek_init()
	{
	print sqrt(16.0), sqrt(2.0), sqrt(0.0);
	print floor(3.7), floor(-3.2), ceil(3.2), ceil(-3.7);
	}
