# what this covers: |x| absolute value for numbers, length of containers/strings, enum values
type E: enum { E0, E1, E2 };

event zeek_init()
	{
	local i = -5;
	local c: count = |i|;
	print c, |-2.5|, |+3|;
	print |"four"|, |set(1, 2)|, |table([1] = 2)|, |vector(1, 2, 3)|;
	print |E2|;
	print |-1 min|;
	}
