# what this covers: lambdas reading and writing globals (no capture needed) and nested lambdas
global total = 0;

event zeek_init()
	{
	local add_to_total = function(n: count) { total += n; };
	add_to_total(5);
	local outer = function(n: count): count
		{
		local inner = function(m: count): count { return m * 2; };
		return inner(n) + 1;
		};
	print total, outer(3);
	}
