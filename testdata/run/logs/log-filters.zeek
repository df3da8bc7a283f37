# Filters: path, include/exclude, a second filter, a disabled stream, a
# policy hook vetoing a record.
module Foo;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		a: count &log;
		b: string &log;
		c: string &log &optional;
	};
}

hook Log::log_stream_policy(rec: any, id: Log::ID)
	{
	if ( (rec as Info)$a == 13 )
		break;
	}

event zeek_init()
	{
	Log::create_stream(Foo::LOG, [$columns=Info, $path="foo_main"]);
	Log::add_filter(Foo::LOG, [$name="only-a", $path="foo_a", $include=set("a")]);
	Log::add_filter(Foo::LOG, [$name="no-b", $path="foo_no_b", $exclude=set("b")]);
	Log::write(Foo::LOG, [$a=1, $b="one"]);
	Log::write(Foo::LOG, [$a=13, $b="vetoed"]);
	Log::disable_stream(Foo::LOG);
	Log::write(Foo::LOG, [$a=2, $b="disabled"]);
	Log::enable_stream(Foo::LOG);
	Log::write(Foo::LOG, [$a=3, $b="three", $c="c"]);
	}
