# what this covers: an addr with no containing prefix in a table[subnet]
# is a "no such index" error that aborts the handler.
event zeek_init()
	{
	local t: table[subnet] of count = { [10.0.0.0/8] = 1 };
	print t[10.2.3.4];
	print t[11.2.3.4];
	print "not reached";
	}
