# expect(ours): error in ./call-arg-count.zeek, line 12: argument type mismatch in function call (f(1, 2))
# expect(ours): error in ./call-arg-count.zeek, line 13: argument type mismatch in function call (f())
# what this covers: function called with too many and too few arguments

function f(a: count): count
	{
	return a;
	}

event zeek_init()
	{
	print f(1, 2);
	print f();
	}
