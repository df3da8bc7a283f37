# An error deep in a call chain aborts the whole handler: the callers'
# remaining statements do not run.
function inner(t: table[count] of count): count
	{
	return t[1];
	}

function outer(): count
	{
	local t: table[count] of count;
	local r = inner(t);
	print "outer after inner";
	return r;
	}

event zeek_done()
	{
	print "start";
	print outer();
	print "handler end";
	}
