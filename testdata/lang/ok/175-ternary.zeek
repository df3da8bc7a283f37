# what this covers: ternary expressions with count/int promotion and matching record types
type R: record {
	n: count;
};

event zeek_init()
	{
	local flag = T;
	local a = flag ? 1 : 2;
	local b = flag ? +1 : 2;
	local r1 = R($n=1);
	local r2 = R($n=2);
	local chosen = flag ? r1 : r2;
	print a, b, chosen$n;
	print flag ? "yes" : "no";
	}
