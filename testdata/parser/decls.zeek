# Declarations of every kind.
@load base/utils/site
module Foo;

export {
	type Info: record {
		ts: time &log;
		n: count &default=5 &log;
		tags: set[string] &optional;
	};
	type Color: enum { RED, GREEN = 10, BLUE, };
	global f: function(a: count, b: string &default="x"): string;
	global e: event(c: connection, is_orig: bool);
	global h: hook(i: Info);
	const limit = 5 &redef;
	option level = 1;
}

redef enum Color += { PINK };
redef record Info += { extra: count &optional; };
redef record Info$n -= &log;
redef limit = 7;
redef Site::local_nets += { 10.0.0.0/8, [2001:db8::]/32 };
global t: table[count, string] of vector of addr = table() &default=vector() &create_expire=1 min;
global handlers: set[function(s: string): bool];
global store: opaque of Broker::Store;
type addr_list: vector of addr;

function f(a: count, b: string &default="x"): string
	{
	return fmt("%s-%d", b, a);
	}

event e(c: connection, is_orig: bool) &priority=-5
	{
	}

hook h(i: Info) &priority=10
	{
	break;
	}

redef event e(c: connection, is_orig: bool) { }
print "top-level";
