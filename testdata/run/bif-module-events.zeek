# Handlers belong to the module group of the module they are written in
# (also handlers of global events); disable_module_events skips them
# until enable_module_events (a zeek_init handler of Foo that comes after
# the disabling one is skipped too).
module Foo;

export {
	global ping: event(n: count);
}

event ping(n: count)
	{
	print "Foo ping", n;
	}

event zeek_init() &priority=-1
	{
	print "Foo zeek_init";
	}

module Bar;

global x = 1;

event Foo::ping(n: count)
	{
	print "Bar ping", n;
	}

# In a &group and in module Bar: disabled when either is.
event Foo::ping(n: count) &group="g" &priority=-2
	{
	print "Bar g ping", n;
	}

module GLOBAL;

event Foo::ping(n: count) &priority=-5
	{
	print "global ping", n;
	}

event step3()
	{
	print enable_module_events("Bar");
	event Foo::ping(3);
	}

event step2()
	{
	print enable_module_events("Foo"), disable_module_events("Bar");
	event Foo::ping(2);
	event step3();
	}

event zeek_init()
	{
	print has_module_events("Foo"), has_module_events("Bar"), has_module_events("Nope");
	print disable_module_events("Foo"), disable_module_events("Nope");
	event Foo::ping(1);
	event step2();
	}
