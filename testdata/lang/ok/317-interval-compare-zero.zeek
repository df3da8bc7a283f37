# what this covers: intervals compared against zero intervals and negative intervals
event zeek_init()
	{
	local i = 5 secs - 10 secs;
	print i < 0 secs, i == -5 secs, |i|;
	}
