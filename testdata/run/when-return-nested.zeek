# Async functions calling async functions: the inner one's result feeds
# the outer's condition; a timeout body's return value is the result
# when the condition never holds.
redef exit_only_after_terminate = T;

global ready = F;

function inner(n: count): count
	{
	return when [n] ( ready )
		{
		return n + 1;
		}
	}

function outer(n: count): count
	{
	return when [n] ( local m = inner(n) )
		{
		return m * 10;
		}
	}

function never(): string
	{
	return when ( F )
		{
		return "impossible";
		}
	timeout 50 msec
		{
		return "gave up";
		}
	}

event go()
	{
	print "go";
	ready = T;
	}

event stop()
	{
	terminate();
	}

event zeek_init()
	{
	when ( local v = outer(4) )
		print "outer(4)", v;
	when ( local s = never() )
		print "never()", s;
	schedule 10 msec { go() };
	schedule 100 msec { stop() };
	print "zeek_init done";
	}
