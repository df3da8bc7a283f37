# what this covers: closures made in a loop each capture that iteration's
# value.
event zeek_init()
	{
	local fs: vector of function(): count = vector();
	for ( i in vector(10, 20, 30) )
		{
		local x = i * 2;
		fs += function[x](): count { return x; };
		}
	for ( j in fs )
		print fs[j]();
	}
