# what this covers: when conditions combining globals and captured locals with boolean operators
global counter = 0;

event zeek_init()
	{
	local limit = 3;
	when [limit] ( counter >= limit || counter == 99 )
		{
		print "reached", counter;
		}
	counter = 5;
	}
