# what this covers: exp, ln, log10, log2, logn.
event zeek_init()
	{
	print exp(0.0), exp(1.0), ln(1.0);
	print log10(1000.0), log10(1.0), log2(8.0), logn(81.0, 3.0);
	}
