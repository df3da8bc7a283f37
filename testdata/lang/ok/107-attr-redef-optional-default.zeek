# what this covers: redef record adding &log fields alongside &optional/&default
type Info: record {
	ts: time &log;
} &redef;

redef record Info += {
	a: count &log &optional;
	b: string &log &default="x";
};

event zeek_init()
	{
	local i = Info($ts=double_to_time(1.0));
	print i$b, i?$a;
	}
