# what this covers: multi-index for loops with loop variables declared beforehand
event zeek_init()
	{
	local s: set[addr, port] = { [1.1.1.1, 22/tcp], [2.2.2.2, 80/tcp] };
	local h: addr;
	local p: port;
	for ( [h, p] in s )
		print h, p;
	}
