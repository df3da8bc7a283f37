# what this covers: set(...) constructors single and multi-index, typed empty sets
event zeek_init()
	{
	local s1 = set(1, 2, 2, 3);
	local s2 = set([1, "a"], [2, "b"]);
	local s3: set[addr] = set();
	local s4 = set(1.2.3.4, 5.6.7.8);
	print |s1|, [1, "a"] in s2, |s3|, 1.2.3.4 in s4;
	}
