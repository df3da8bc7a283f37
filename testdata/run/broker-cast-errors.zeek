# A Broker::Data that does not hold the type asked for is a run-time
# error, which ends the handler.
type R: record {
	a: count;
	b: string;
};

global bad_type: event();
global bad_record: event();
global nil_field: event();
global bad_set: event();

event zeek_init()
	{
	# Errors during zeek_init are fatal: show them in later events.
	schedule 1msec { bad_type() };
	schedule 2msec { bad_record() };
	schedule 3msec { nil_field() };
	schedule 4msec { bad_set() };
	}

event bad_type()
	{
	print "count as int";
	print Broker::data(5) as int;
	print "not reached";
	}

event bad_record()
	{
	print "short vector as record";
	print Broker::data(vector(1)) as R;
	}

event nil_field()
	{
	print "empty Broker::Data";
	print Broker::Data() as count;
	}

event bad_set()
	{
	print "set of strings as addr_set";
	print Broker::data(set("x")) as addr_set;
	}
