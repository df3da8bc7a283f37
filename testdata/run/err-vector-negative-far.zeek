# Negative vector indexes count from the end; one past the start is an
# error.
event zeek_done()
	{
	local v = vector(1, 2, 3, 4, 5);
	print v[-1], v[-5];
	print v[-7];
	}
