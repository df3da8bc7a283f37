# what this covers: is_event_handled is T only for events with a handler
# body.
global handled_ev: event(n: count);
global unhandled_ev: event(n: count);

event handled_ev(n: count)
	{
	}

event zeek_init()
	{
	print is_event_handled("handled_ev"), is_event_handled("unhandled_ev");
	print is_event_handled("zeek_init");
	}
