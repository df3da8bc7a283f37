# what this covers: for ( c in "str" ) iterates one-byte strings
event zeek_init()
	{
	local n = 0;
	for ( c in "hello" )
		{
		if ( c == "l" )
			++n;
		}
	local s = "ab";
	for ( ch in s )
		print ch;
	print n;
	}
