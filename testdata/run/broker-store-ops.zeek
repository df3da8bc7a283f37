# Broker store modifiers on a memory master, each checked with a get:
# the stored value decides what "add" and "subtract" mean.
global h: opaque of Broker::Store;

function show(k: any)
	{
	when [k] ( local r = Broker::get(h, k) )
		{
		print k, r$status, r$result;
		}
	timeout 1sec
		{
		print k, "timeout";
		}
	}

event zeek_init()
	{
	h = Broker::create_master("ops");
	Broker::put(h, "count", 7);
	Broker::increment(h, "count", 3);
	Broker::put(h, "wrap", 7);
	Broker::decrement(h, "wrap", 10);
	Broker::put(h, "int", -2);
	Broker::increment(h, "int", +5);
	Broker::put(h, "clash", 7);
	Broker::increment(h, "clash", +1);
	Broker::increment(h, "new-count", 4);
	Broker::increment(h, "new-double", 1.5);
	Broker::increment(h, "new-time", 2sec);
	Broker::increment(h, "new-string", "x");
	Broker::decrement(h, "new-decrement", 1);
	Broker::put(h, "span", 1min);
	Broker::decrement(h, "span", 30sec);
	Broker::put(h, "str", "abc");
	Broker::append(h, "str", "def");
	Broker::append(h, "new-str", "ghi");
	Broker::put(h, "set", set(1, 2));
	Broker::insert_into_set(h, "set", 3);
	Broker::remove_from(h, "set", 1);
	Broker::push(h, "set", 9);
	Broker::insert_into_set(h, "new-set", "a");
	Broker::put(h, "tbl", table(["a"] = 1));
	Broker::insert_into_table(h, "tbl", "b", 2);
	Broker::insert_into_table(h, "tbl", "a", 10);
	Broker::remove_from(h, "tbl", "b");
	Broker::insert_into_table(h, "new-tbl", 1, "one");
	Broker::put(h, "vec", vector(1, 2, 3));
	Broker::push(h, "vec", 4);
	Broker::append(h, "vec", "s");
	Broker::pop(h, "vec");
	Broker::remove_from(h, "vec", 1000);
	Broker::push(h, "new-vec", 1);
	Broker::pop(h, "new-vec");
	Broker::pop(h, "new-vec");
	Broker::put(h, "popset", set("popset", "other"));
	Broker::pop(h, "popset");
	Broker::put(h, "gone", 1);
	Broker::erase(h, "gone");
	Broker::erase(h, "never");

	for ( _, k in vector("count", "wrap", "int", "clash", "new-count", "new-double",
	                  "new-time", "new-string", "new-decrement", "span", "str",
	                  "new-str", "set", "new-set", "tbl", "new-tbl", "vec",
	                  "new-vec", "popset", "gone") )
		show(k);
	}
