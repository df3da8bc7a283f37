# p == s is a full match; p in s searches anywhere; ^ and $ inside a
# pattern anchor the search.
event zeek_init()
	{
	print /foo/ == "foo", /foo/ == "xfoo", /foo/ in "xfoox";
	print /^foo/ in "foox", /^foo/ in "xfoo", /bar$/ in "xbar", /bar$/ in "barx";
	}
