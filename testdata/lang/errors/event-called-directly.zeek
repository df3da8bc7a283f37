# expect: error in ./event-called-directly.zeek, line 8: event called in expression, use event statement instead (foo(1))
# what this covers: an event called like a function

global foo: event(n: count);

event zeek_init()
	{
	foo(1);
	}
