# what this covers: fmt directives %s %d %x %f %.2f and width.
event zeek_init()
	{
	print fmt("%s-%d-%x", "id", 42, 255);
	print fmt("%.2f|%5d|%-5s|", 3.14159, 7, "ab");
	print fmt("%s", 1.2.3.4), fmt("%s", 80/tcp), fmt("100%%");
	}
