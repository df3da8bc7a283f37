# what this covers: count with int gives int, anything with double gives
# double; type_name shows the result type.
event zeek_init()
	{
	local c = 5;
	local i = -3;
	local d = 0.5;
	print c + i, type_name(c + i);
	print c * d, type_name(c * d);
	print i * d, type_name(i - d);
	print c - 7, type_name(c - 7);
	print i / 2, type_name(c / 2);
	}
