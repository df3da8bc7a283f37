# what this covers: redef += with a single brace element and with a set value
const hosts: set[addr] = {} &redef;
const lists: table[string] of set[count] = {} &redef;

redef hosts += { 10.0.0.1 };
redef hosts += { 10.0.0.2, 10.0.0.3 };
redef lists += { ["x"] = set(1, 2) };

event zeek_init()
	{
	print |hosts|, |lists["x"]|;
	}
