# what this covers: when waiting on a global table membership change
global done: set[string];

event finish(s: string)
	{
	add done[s];
	}

event zeek_init()
	{
	when ( "job1" in done )
		{
		print "job1 finished";
		}
	event finish("job1");
	}
