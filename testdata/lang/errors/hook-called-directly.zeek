# expect: error in ./hook-called-directly.zeek, line 8: hook cannot be called directly, use hook operator (h)
# what this covers: a hook called like a function

global h: hook(n: count);

event zeek_init()
	{
	h(1);
	}
