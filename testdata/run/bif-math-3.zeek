# what this covers: pow with integral, fractional and negative exponents.
event zeek_init()
	{
	print pow(2.0, 10.0), pow(9.0, 0.5), pow(2.0, -2.0), pow(5.0, 0.0);
	}
