# Scheduled events due at the same time run in the order they were
# scheduled; events they raise run before the next timer.
event e(tag: string)
	{
	print tag;
	if ( tag == "a" )
		event e("a-raised");
	}

event zeek_init()
	{
	schedule 2 secs { e("c") };
	schedule 1 sec { e("a") };
	schedule 1 sec { e("b") };
	schedule 2 secs { e("d") };
	schedule 0 secs { e("zero") };
	event e("queued");
	}
