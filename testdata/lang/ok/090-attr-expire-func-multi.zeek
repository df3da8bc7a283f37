# what this covers: &expire_func on a multi-index table receiving the index as separate args
function exp_multi(t: table[addr, port] of string, a: addr, p: port): interval
	{
	return 0 secs;
	}

global conns: table[addr, port] of string &read_expire=5 mins &expire_func=exp_multi;

event zeek_init()
	{
	conns[1.1.1.1, 80/tcp] = "web";
	print |conns|;
	}
