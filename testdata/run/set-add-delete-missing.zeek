# what this covers: adding an existing element and deleting a missing one
# are no-ops, not errors.
event zeek_init()
	{
	local s = set(1, 2);
	add s[1];
	delete s[5];
	print |s|;
	local t: table[count] of string = { [1] = "a" };
	delete t[9];
	print |t|;
	}
