# expect: error in ./next-outside-loop.zeek, line 6: next statement used outside of for or while statement
# what this covers: next in an event body outside any loop

event zeek_init()
	{
	next;
	}
