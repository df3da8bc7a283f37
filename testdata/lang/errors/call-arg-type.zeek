# expect: error in string and ./call-arg-type.zeek, line 13: arithmetic mixed with non-arithmetic (string and 42)
# expect: error in ./call-arg-type.zeek, line 13 and string: type mismatch (42 and string)
# expect: error in ./call-arg-type.zeek, line 13: argument type mismatch in function call (f(42))
# what this covers: function called with an argument of the wrong type

function f(s: string): string
	{
	return s;
	}

event zeek_init()
	{
	print f(42);
	}
