# for ( c in s ) visits each byte as a one-byte string.
event zeek_init()
	{
	local n = 0;
	for ( c in "a\x00b" )
		{
		++n;
		print n, c, |c|;
		}
	}
