# what this covers: expression statements: calls, assignments, increments
global n = 0;

function bump(): count
	{
	return ++n;
	}

event zeek_init()
	{
	bump();
	n = n + 1;
	n += 2;
	n -= 1;
	++n;
	--n;
	print n, bump();
	}
