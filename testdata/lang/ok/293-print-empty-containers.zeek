# what this covers: printing empty typed containers and records with unset optional fields
type R: record {
	a: count &optional;
	b: string &optional;
};

event zeek_init()
	{
	local s: set[count];
	local t: table[string] of count;
	local v: vector of string;
	print s, t, v, R();
	}
