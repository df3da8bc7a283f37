# A missing string key: "no such index" with the key shown unquoted; the
# rest of the handler is skipped, other handlers of the event still run.
event zeek_done() &priority=1
	{
	local t: table[string] of count;
	print "before";
	print t["nope"];
	print "not reached";
	}

event zeek_done()
	{
	print "other handler";
	}
