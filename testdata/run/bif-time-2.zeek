# what this covers: strftime with zone-independent fields only (seconds
# and minutes do not depend on the local UTC offset for whole-hour zones;
# the percent escape).
event zeek_init()
	{
	local t = double_to_time(1700000007.0);
	print strftime("%S", t);
	print strftime("%%", t);
	print |strftime("%Y-%m-%d %H:%M:%S", t)| == 19;
	}
