# what this covers: &default given on a table() constructor binds to that
# table value; assigning a new table without it drops the default.
event zeek_init()
	{
	local t: table[count] of string = table() &default="dflt";
	print t[1];
	t = table();
	print |t|;
	print t[1];
	print "not reached";
	}
