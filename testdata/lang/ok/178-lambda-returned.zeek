# what this covers: functions returning lambdas (closures capturing parameters)
function make_adder(n: count): function(x: count): count
	{
	return function[n](x: count): count { return x + n; };
	}

event zeek_init()
	{
	local add5 = make_adder(5);
	local add7 = make_adder(7);
	print add5(1), add7(1);
	}
