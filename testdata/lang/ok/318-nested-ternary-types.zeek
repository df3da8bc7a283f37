# what this covers: ternaries yielding containers and strings, nested in calls
event zeek_init()
	{
	local flag = F;
	local s: set[count] = flag ? set(1) : set(2, 3);
	local v = flag ? vector("a") : vector("b", "c");
	print |s|, |v|, to_upper(flag ? "x" : "y");
	}
