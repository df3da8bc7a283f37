# what this covers: subnet equality ignores host bits of the literal;
# addr in subnet tests containment.
event zeek_init()
	{
	print 10.1.2.3/8 == 10.0.0.0/8, 10.0.0.0/8 != 10.0.0.0/16;
	print 10.1.2.3 in 10.0.0.0/8, 11.1.2.3 in 10.0.0.0/8, [2001:db8::5] in [2001:db8::]/64;
	print 10.1.2.3/8, |10.0.0.0/8|, |192.168.0.0/30|;
	}
