# what this covers: fmt directives %s %d %x %f %.Nf %e %g %% and widths
event zeek_init()
	{
	print fmt("%s|%d|%x|%f", "s", 42, 255, 1.5);
	print fmt("%.2f|%e|%g|%%", 3.14159, 12345.678, 0.0001);
	print fmt("%5d|%05d", 42, 7);
	print fmt("%s %s", 1.2.3.4, 80/tcp);
	}
