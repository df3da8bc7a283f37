# what this covers: substring in string and pattern in string
event zeek_init()
	{
	local s = "The quick brown fox";
	print "quick" in s, "slow" !in s;
	print /qu.ck/ in s, /^The/ in s, /fox$/ in s;
	print /dog/ !in s;
	}
