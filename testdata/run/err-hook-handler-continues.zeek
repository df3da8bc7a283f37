# An error in one hook handler ends that handler only: the next hook
# handler runs and the event handler that called the hook continues.
global h: hook();

hook h() &priority=1
	{
	local t: table[count] of count;
	print t[1];
	}

hook h()
	{
	print "second hook handler";
	}

event zeek_done()
	{
	hook h();
	print "after hook";
	}

event zeek_done() &priority=-1
	{
	print "next event handler";
	}
