# copy() of a set gives an independent set; assignment an alias.
event zeek_init()
	{
	local s = set(1, 2);
	local alias = s;
	local c = copy(s);
	add s[3];
	delete s[1];
	print |s|, |alias|, |c|;
	print 1 in c, 3 in c, 3 in alias;
	}
