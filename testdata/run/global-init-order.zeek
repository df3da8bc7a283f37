# what this covers: globals are initialised in declaration order and can
# use earlier globals; redef of a &redef constant applies before use.
const base = 10 &redef;
redef base = 20;
global derived = base * 2;
global names: set[string] = { "a", "b" } &redef;
redef names += { "c" };
event zeek_init()
	{
	print base, derived, |names|, "c" in names;
	}
