# what this covers: iterating over a string yields one-byte strings.
event zeek_init()
	{
	for ( ch in "ab\x00c" )
		print ch, |ch|;
	}
