# A local declaration inside a loop body runs on every iteration: an
# initialiser is evaluated again, and a container declared without one
# starts out as a fresh empty container each time.
event zeek_init()
	{
	local total = 0;
	for ( i in vector(1, 2, 3) )
		{
		local step = i * 10;
		total += step;
		local s: set[count];
		add s[i];
		print i, step, |s|;
		}
	print total;
	}
