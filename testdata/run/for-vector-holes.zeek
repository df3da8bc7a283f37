# A vector with holes: iteration skips the unset indexes.
event zeek_init()
	{
	local v: vector of string;
	v[0] = "a";
	v[3] = "d";
	print |v|, v;
	for ( i in v )
		print i, v[i];
	for ( j, s in v )
		print j, s;
	}
