# what this covers: &group on event handlers and enable/disable_event_group
event zeek_init() &group="noisy"
	{
	print "noisy handler";
	}

event zeek_init() &priority=10
	{
	disable_event_group("noisy");
	enable_event_group("noisy");
	print "toggled";
	}
