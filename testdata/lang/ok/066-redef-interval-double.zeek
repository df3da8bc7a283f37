# what this covers: redef of interval and double &redef globals
const timeout_val = 5 min &redef;
const ratio = 0.5 &redef;
global tunable: count = 3 &redef;

redef timeout_val = 30 secs;
redef ratio = 0.75;
redef tunable = 7;

event zeek_init()
	{
	print timeout_val, ratio, tunable;
	}
