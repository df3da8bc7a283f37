# what this covers: assert with and without a message
event zeek_init()
	{
	local x = 3;
	assert x == 3;
	assert x > 1, "x must exceed 1";
	assert |"abc"| == 3, fmt("length was %d", |"abc"|);
	print "asserts passed";
	}
