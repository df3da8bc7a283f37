# copy() of a table copies its values too: a vector value changed in the
# original is not changed in the copy; an assigned alias sees it.
event zeek_init()
	{
	local t: table[count] of vector of string = { [1] = vector("a") };
	local alias = t;
	local c = copy(t);
	t[1] += "b";
	t[2] = vector("new");
	print |alias|, alias[1];
	print |c|, c[1];
	}
