# Event dispatch of 1M events: zeek_init raises tick(i) 1M times; the engine
# queues each and, once zeek_init returns, dispatches it to its handler.
# The peers model this as 1M calls through a dispatch table (name ->
# function), which is the work a dispatch does minus the queue.
global total = 0;

event tick(i: count)
	{
	total += i;
	}

event zeek_init()
	{
	local n = 1000000;
	local i = 0;
	while ( i < n )
		{
		event tick(i);
		++i;
		}
	}

event zeek_done()
	{
	print total;
	}
