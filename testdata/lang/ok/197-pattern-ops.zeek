# what this covers: pattern equality, inequality, in/!in, pattern | and & combinations
event zeek_init()
	{
	local p = /ab+/;
	print p == "abbb", p != "ac";
	print "abb" == p;
	local both = (/a/ | /b/) & /c/;
	print both == "ac", both == "bc", both == "cc";
	print /x/ !in "abc";
	}
