# expect: error in ./ternary-mismatch.zeek, line 6: operands must be of the same type (T ? s : 1)
# what this covers: ternary arms of different types

event zeek_init()
	{
	print T ? "s" : 1;
	}
