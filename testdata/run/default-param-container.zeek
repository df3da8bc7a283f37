# A container default parameter is a fresh value per call.
function collect(x: count, acc: vector of count &default = vector()): vector of count
	{
	acc += x;
	return acc;
	}

event zeek_init()
	{
	print collect(1);
	print collect(2);
	local mine = vector(9);
	print collect(3, mine), mine;
	}
