# Runaway recursion is a clean runtime error, never a crash; the handler
# is aborted and the run goes on.
function down(n: count): count
	{
	return down(n + 1) + 1;
	}

global ping: function(n: count): count;

function pong(n: count): count
	{
	return ping(n + 1);
	}

function ping(n: count): count
	{
	return pong(n + 1);
	}

event zeek_done()
	{
	print "start";
	print down(0);
	print "not reached";
	}

event zeek_done()
	{
	set_max_recursion_depth(0);
	print ping(0);
	}

event zeek_done() &priority=-1
	{
	print "other handler runs";
	}
