# Introspection: lookup_ID (a global's value, "<unknown id>", "<no ID
# value>"), global_ids (a script_id per global name, "module M" entries),
# zeek_args, current_event_time, get_current_packet_ts, and the
# suspend_processing depth (no packet source: nothing else happens).

module Foo;

export {
	const limit = 3 &redef;
	option mode = "fast";
	global seen: set[string] = { "a" };
}

global hidden = 7;

module GLOBAL;

type Color: enum { Red, Green };
type Pair: record {
	a: count;
	b: string &default="x";
};

global gx = 5;
global unset_g: count;
global tbl: table[string] of count = { ["k"] = 1 };

function twice(n: count): count
	{
	return 2 * n;
	}

global declared_only: function(n: count): count;

print "top-level event time is 0", current_event_time() == double_to_time(0.0);

event later()
	{
	print "later", current_event_time() == network_time();
	}

event zeek_init()
	{
	print lookup_ID("gx"), lookup_ID("tbl"), lookup_ID("Green");
	print lookup_ID("nope"), lookup_ID("unset_g"), lookup_ID("Pair"), lookup_ID("declared_only");
	print lookup_ID("Foo::limit"), lookup_ID("Foo::mode"), lookup_ID("Foo::hidden");
	local f = lookup_ID("twice");
	print type_name(f);
	print lookup_ID("gx") as count + 1;

	local ids = global_ids();
	print ids["gx"];
	print ids["unset_g"];
	print ids["Foo::limit"];
	print ids["Foo::mode"];
	print ids["Foo::seen"];
	print ids["Foo::hidden"];
	print ids["Green"];
	print ids["Pair"]$type_name, ids["Pair"]?$value;
	print ids["twice"]$type_name, ids["twice"]?$value;
	print ids["declared_only"]?$value;
	print ids["zeek_init"]$type_name;
	print ids["module Foo"];
	print "GLOBAL" in ids, "module GLOBAL" in ids, "nope" in ids;

	print zeek_args();
	print get_current_packet_ts();
	print current_event_time() == network_time();
	schedule 3 sec { later() };

	print is_processing_suspended();
	suspend_processing();
	suspend_processing();
	continue_processing();
	print is_processing_suspended();
	continue_processing();
	print is_processing_suspended();
	continue_processing();	# one too many: stays unsuspended
	print is_processing_suspended();
	}
