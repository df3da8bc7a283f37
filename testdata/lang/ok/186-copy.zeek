# what this covers: copy() deep copy vs. shared references by plain assignment
type R: record {
	v: vector of count;
};

event zeek_init()
	{
	local a = R($v=vector(1));
	local shared = a;
	local deep = copy(a);
	a$v += 2;
	print |shared$v|, |deep$v|;
	local t = table([1] = "x");
	local t2 = copy(t);
	t[2] = "y";
	print |t|, |t2|;
	}
