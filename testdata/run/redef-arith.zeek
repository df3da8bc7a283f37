# what this covers: `redef x += n` on numeric and interval constants, and
# `redef x -= {...}` on a set.
const limit = 10 &redef;
redef limit += 5;
const ratio = 1.5 &redef;
redef ratio += 1;
const wait = 1min &redef;
redef wait += 30secs;
const hosts: set[addr] = { 1.1.1.1, 2.2.2.2 } &redef;
redef hosts -= { 1.1.1.1 };
event zeek_init()
	{
	print limit, ratio, wait, hosts;
	}
