# Deleting a missing key is silently ignored.
event zeek_init()
	{
	local t: table[count] of string = { [1] = "a" };
	delete t[2];
	delete t[1];
	delete t[1];
	print |t|;
	}
