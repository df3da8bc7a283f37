# what this covers: conversion BIFs to_count, to_int, to_double, to_addr, to_subnet, to_port
event zeek_init()
	{
	local c = to_count("42");
	local i = to_int("-7");
	local d = to_double("2.5");
	local a = to_addr("10.1.2.3");
	local n = to_subnet("10.0.0.0/8");
	local p = to_port("443/tcp");
	print c + 1, i - 1, d * 2, a in n, p;
	print count_to_double(3), double_to_count(3.7), int_to_count(+4);
	}
