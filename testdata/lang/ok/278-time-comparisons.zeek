# what this covers: time comparisons with zero, time in records, time arithmetic results
type Stamp: record {
	t: time;
};

event zeek_init()
	{
	local s = Stamp($t=network_time());
	local zero = double_to_time(0.0);
	print s$t >= zero;
	local t: time = 0;
	print t == zero;
	}
