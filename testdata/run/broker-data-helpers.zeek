# Broker::Data container helpers and their iterators.
global go: event();
global wrong_set: event();
global wrong_vector: event();
global unset_table: event();
global bad_key: event();

event zeek_init()
	{
	# Errors during zeek_init are fatal: show them in a later event.
	schedule 1msec { go() };
	}

event go()
	{
	local s = Broker::set_create();
	print Broker::set_insert(s, "b"), Broker::set_insert(s, "a"), Broker::set_insert(s, "a");
	print s, Broker::set_size(s), Broker::set_contains(s, "a"), Broker::set_contains(s, "z");
	print Broker::set_remove(s, "a"), Broker::set_remove(s, "a"), s;
	Broker::set_insert(s, "c");
	local si = Broker::set_iterator(s);
	while ( ! Broker::set_iterator_last(si) )
		{
		print "set element", Broker::set_iterator_value(si);
		Broker::set_iterator_next(si);
		}
	print Broker::set_clear(s), Broker::set_size(s), Broker::data_type(s);

	local t = Broker::table_create();
	print Broker::table_insert(t, "x", 1), Broker::table_insert(t, "x", 2);
	Broker::table_insert(t, "a", vector(1, 2));
	print t, Broker::table_size(t), Broker::table_contains(t, "x"), Broker::table_contains(t, "q");
	print Broker::table_lookup(t, "x"), Broker::table_lookup(t, "q");
	local ti = Broker::table_iterator(t);
	while ( ! Broker::table_iterator_last(ti) )
		{
		print "table item", Broker::table_iterator_value(ti);
		Broker::table_iterator_next(ti);
		}
	print Broker::table_remove(t, "x"), Broker::table_remove(t, "x"), t;
	print Broker::table_clear(t), t;

	local v = Broker::vector_create();
	print Broker::vector_insert(v, 0, "b"), Broker::vector_insert(v, 0, "a"), Broker::vector_insert(v, 100, "c");
	print v, Broker::vector_size(v), Broker::vector_lookup(v, 1), Broker::vector_lookup(v, 9);
	print Broker::vector_replace(v, 1, "B"), Broker::vector_replace(v, 7, "X"), v;
	print Broker::vector_remove(v, 0), Broker::vector_remove(v, 7), v;
	local vi = Broker::vector_iterator(v);
	while ( ! Broker::vector_iterator_last(vi) )
		{
		print "vector element", Broker::vector_iterator_value(vi);
		Broker::vector_iterator_next(vi);
		}
	print Broker::vector_clear(v), v, v as vector of string;

	local r = Broker::record_create(3);
	print r, Broker::record_size(r), Broker::record_assign(r, 0, 1), Broker::record_assign(r, 3, 1);
	Broker::record_assign(r, 2, "z");
	print r, Broker::record_lookup(r, 0), Broker::record_lookup(r, 1), Broker::record_lookup(r, 5);
	local ri = Broker::record_iterator(r);
	while ( ! Broker::record_iterator_last(ri) )
		{
		print "record field", Broker::record_iterator_value(ri);
		Broker::record_iterator_next(ri);
		}

	# Helpers on data of another type, and on an empty Broker::Data:
	# a run-time error that ends the handler (each in its own event).
	event wrong_set();
	event wrong_vector();
	event unset_table();
	event bad_key();
	}

event wrong_set()
	{
	print "before set_size";
	print Broker::set_size(Broker::data(5));
	print "not reached";
	}

event wrong_vector()
	{
	print Broker::vector_size(Broker::table_create());
	print "not reached";
	}

event unset_table()
	{
	print Broker::table_size(Broker::Data());
	print "not reached";
	}

event bad_key()
	{
	# A value with no Broker form is a plain error: the handler goes on.
	print Broker::set_contains(Broker::set_create(), function() { print "a lambda"; });
	print "after bad key";
	}
