# what this covers: identifiers that start with or contain keywords are plain identifiers
global format_x = 1;
global address = 10.0.0.1;
global counted = 2;
global in_flight = 3;
global fortune = "f";
global if_x = T;
global returned_2 = 4;
global TT = 5;
global Foo_Bar_9 = 6;

event zeek_init()
	{
	local include = "x";
	local whenever = 1;
	print format_x, address, counted, in_flight, fortune, if_x, returned_2, TT, Foo_Bar_9, include, whenever;
	}
