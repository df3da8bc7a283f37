# expect: error in ./ternary-cond-not-bool.zeek, line 6: requires boolean conditional (1 ? 2 : 3)
# what this covers: ternary condition is not a bool

event zeek_init()
	{
	print 1 ? 2 : 3;
	}
