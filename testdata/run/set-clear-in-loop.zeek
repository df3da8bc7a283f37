# what this covers: deleting every element of a set inside its own loop
# is safe.
event zeek_init()
	{
	local s = set(1, 2, 3);
	for ( x in s )
		delete s[x];
	print |s|;
	add s[4];
	print s;
	}
