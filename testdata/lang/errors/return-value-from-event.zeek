# expect(ours): error in ./return-value-from-event.zeek, line 7: return statement cannot have an expression
# expect(ours): error in ./return-value-from-event.zeek, line 12: return statement cannot have an expression
# what this covers: returning a value from an event handler and a void function

function g()
	{
	return 1;
	}

event zeek_init()
	{
	return "x";
	}
