# what this covers: type aliases are interchangeable with their aliased type; builtin aliases
type MyAddrs: set[addr];
type Name: string;

event zeek_init()
	{
	local a: MyAddrs = set(1.2.3.4);
	local b: addr_set = a;
	local n: Name = "bob";
	local s: string = n;
	local c: string_set = set("x");
	local v: string_vec = vector("p", "q");
	local i: index_vec = vector(1, 2);
	local k: count_set = set(7);
	print |b|, s, |c|, |v|, |i|, |k|;
	}
