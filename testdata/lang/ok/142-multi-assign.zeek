# what this covers: [a, b] = idx multi-assignment from an any-typed index list
function split_idx(idx: any)
	{
	local a: addr;
	local p: port;
	[a, p] = idx;
	print a, p;
	}

function expire(t: table[addr, port] of count, idx: any): interval
	{
	local host: addr;
	local svc: port;
	[host, svc] = idx;
	return 0 secs;
	}

event zeek_init()
	{
	print "defined";
	}
