# Deleting every element from inside the loop, including ones not yet
# visited: no crash, and the table ends up empty.
event zeek_init()
	{
	local s: set[count] = set(1, 2, 3, 4, 5);
	for ( k in s )
		{
		for ( j in set(1, 2, 3, 4, 5) )
			delete s[j];
		}
	print |s|;
	}
