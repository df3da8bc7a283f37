# what this covers: global declarations with type only, init only, and both
global a: count;
global b = "inferred string";
global c: double = 2.5;
global d: set[string];
global e: table[count] of bool = table();
global f: vector of addr = vector();

event zeek_init()
	{
	a = 5;
	add d["x"];
	e[1] = T;
	f += 1.2.3.4;
	print a, b, c, |d|, |e|, |f|;
	}
