# expect: error in string and ./event-arg-type.zeek, line 10: arithmetic mixed with non-arithmetic (string and 42)
# expect: error in ./event-arg-type.zeek, line 10 and string: type mismatch (42 and string)
# expect: error in ./event-arg-type.zeek, line 10: argument type mismatch in event invocation (foo(42))
# what this covers: event raised with an argument of the wrong type

global foo: event(s: string);

event zeek_init()
	{
	event foo(42);
	}
