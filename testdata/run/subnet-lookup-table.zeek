# what this covers: indexing a table[subnet] with an addr picks the
# longest matching prefix; `addr in table[subnet]` tests containment.
event zeek_init()
	{
	local t: table[subnet] of string = {
		[10.0.0.0/8] = "ten",
		[10.1.0.0/16] = "ten-one",
		[10.1.2.0/24] = "ten-one-two",
	};
	print t[10.9.9.9], t[10.1.9.9], t[10.1.2.3];
	print 10.1.2.3 in t, 11.1.1.1 in t;
	print t[10.1.0.0/16];
	delete t[10.1.2.0/24];
	print t[10.1.2.3];
	}
