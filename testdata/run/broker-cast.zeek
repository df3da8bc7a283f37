type R: record {
	a: count;
	b: string &optional;
	c: set[addr];
};

type E: enum { RED, GREEN };

global h: opaque of Broker::Store;


event zeek_init()
	{
	h = Broker::create_master("casts");
	local d = Broker::data(T);
	print d as bool, Broker::data_type(d);
	print Broker::data(5) as count, Broker::data(-5) as int, Broker::data(1.5) as double;
	print Broker::data("s") as string, Broker::data(10.0.0.1) as addr, Broker::data([2001:db8::1]) as addr;
	print Broker::data(10.1.2.3/8) as subnet, Broker::data(80/tcp) as port, Broker::data(53/udp) as port;
	print Broker::data(double_to_time(1.5)) as time, Broker::data(3min) as interval;
	print Broker::data(GREEN) as E, Broker::data(Broker::SQLITE) as Broker::BackendType;
	print Broker::data(set(10.0.0.1, 10.0.0.2)) as addr_set;
	print Broker::data(table([1, "x"] = T)) as table[count, string] of bool;
	print Broker::data(vector("a", "b")) as vector of string;
	local r = R($a=1, $c=set(1.2.3.4));
	print Broker::data(r), Broker::data(r) as R;
	print Broker::data(set(r)) as set[R];
	print Broker::data(5), Broker::data(-5), Broker::data(1.5), Broker::data("s");
	print Broker::data(10.0.0.1), Broker::data(10.1.2.3/8), Broker::data(80/tcp);
	print Broker::data(double_to_time(1.5)), Broker::data(3min), Broker::data(GREEN);
	print Broker::data(set(3, 1, 2)), Broker::data(table(["b"] = 2, ["a"] = 1)), Broker::data(vector(3, 1));
	print Broker::data_type(Broker::data(5)), Broker::data_type(Broker::data(r)), Broker::data_type(Broker::data(set(1)));
	}
