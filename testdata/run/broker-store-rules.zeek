# The modifiers' "add/subtract by stored type" rules (API.md §2.3) not
# shown in broker-store-ops: every modifier returns T once sent, even
# when the store then finds a type clash (which changes nothing and is
# reported nowhere); F only for a bad handle or a failed conversion.
global h: opaque of Broker::Store;

# A record is a Broker vector of its fields: here [index, value].
type Pair: record {
	i: count;
	v: string;
};

function show(k: string)
	{
	when [k] ( local r = Broker::get(h, k) )
		{
		if ( r$status == Broker::SUCCESS )
			print k, r$result;
		else
			print k, "absent";
		}
	timeout 1sec
		{
		print k, "timeout";
		}
	}

event zeek_init()
	{
	h = Broker::create_master("rules");

	# Overwrite.
	Broker::put(h, "put", 1);
	Broker::put(h, "put", "two");

	# increment: the default amount is count 1; each number type adds
	# its own type; time + interval.
	Broker::put(h, "inc-default", 5);
	Broker::increment(h, "inc-default");
	Broker::put(h, "inc-double", 1.25);
	Broker::increment(h, "inc-double", 2.5);
	Broker::put(h, "inc-interval", 1min);
	Broker::increment(h, "inc-interval", 30sec);
	Broker::put(h, "inc-time", double_to_time(100.0));
	Broker::increment(h, "inc-time", 1min);
	Broker::increment(h, "new-int", -3);
	Broker::put(h, "max", 18446744073709551615);
	Broker::increment(h, "max", 2);

	# decrement: each number type, time - interval; default 1.
	Broker::put(h, "dec-default", 5);
	Broker::decrement(h, "dec-default");
	Broker::put(h, "dec-int", 2);
	print "returns", Broker::decrement(h, "dec-int", 5), Broker::put(h, "dec-int2", -2),
	      Broker::decrement(h, "dec-int2", +5);
	Broker::put(h, "dec-double", 1.0);
	Broker::decrement(h, "dec-double", 0.25);
	Broker::put(h, "dec-time", double_to_time(100.0));
	Broker::decrement(h, "dec-time", 40sec);

	# Add on a set inserts, on a vector pushes, whatever the modifier.
	Broker::put(h, "set", set(1));
	Broker::increment(h, "set", 2);
	Broker::append(h, "set", "s");
	Broker::put(h, "vec", vector(1));
	Broker::insert_into_set(h, "vec", 2);
	Broker::increment(h, "vec", 3);
	# Add on a table takes [index, value].
	Broker::put(h, "tbl", table([1] = "one"));
	Broker::push(h, "tbl", Pair($i=2, $v="two"));
	Broker::insert_into_set(h, "tbl", Pair($i=1, $v="uno"));

	# Type clashes: the value stays as it was.
	Broker::put(h, "str", "abc");
	print "clashes", Broker::push(h, "str", 1), Broker::increment(h, "str", 1),
	      Broker::push(h, "tbl", 3), Broker::push(h, "tbl", vector(1, 2, 3)),
	      Broker::increment(h, "inc-double", 1), Broker::append(h, "max", "x");
	print "clashes", Broker::decrement(h, "str", 1), Broker::remove_from(h, "str", "a"),
	      Broker::pop(h, "str"), Broker::decrement(h, "inc-time", double_to_time(1.0)),
	      Broker::increment(h, "inc-time", double_to_time(1.0));

	# Subtract: a set removes the argument, a table the index, a
	# vector pops its last element whatever the argument.
	Broker::put(h, "sub-set", set(1, 2));
	Broker::decrement(h, "sub-set", 1);
	Broker::remove_from(h, "sub-set", 7);
	Broker::put(h, "sub-tbl", table([1] = "one", [2] = "two"));
	Broker::decrement(h, "sub-tbl", 2);
	Broker::pop(h, "sub-tbl");
	Broker::put(h, "sub-vec", vector(1, 2, 3));
	Broker::decrement(h, "sub-vec", 1);

	# Subtract on a missing key: nothing is created.
	print "missing", Broker::remove_from(h, "no-rm", 1), Broker::pop(h, "no-pop"),
	      Broker::decrement(h, "no-dec", 1sec);

	for ( _, k in vector("put", "inc-default", "inc-double", "inc-interval", "inc-time",
	                     "new-int", "max", "dec-default", "dec-int", "dec-int2",
	                     "dec-double", "dec-time", "set", "vec", "tbl", "str",
	                     "sub-set", "sub-tbl", "sub-vec", "no-rm", "no-pop", "no-dec") )
		show(k);
	}
