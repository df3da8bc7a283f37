# @TEST-PCAP: rotation.pcap
# Expiry in the store clock, which is network time while reading a trace
# (API.md §2.3, §4; FORMAT.md §3). The trace has one connection every
# 30 seconds. At the first (t=0) keys get 45-second lifetimes; a key
# re-put or modified without one loses its lifetime, one modified with
# a new span gets a new deadline, and a negative span expires the key at
# once. The keys are listed at each connection.
global h: opaque of Broker::Store;
global start: time;
global n = 0;

event zeek_init()
	{
	h = Broker::create_master("expiry");
	}

event new_connection(c: connection)
	{
	++n;
	if ( n == 1 )
		{
		start = network_time();
		Broker::put(h, "put", 1, 45sec);
		Broker::put(h, "re-put", 1, 45sec);
		Broker::put(h, "re-put", 2);
		Broker::increment(h, "increment", 1, 45sec);
		Broker::put(h, "modified", "a", 45sec);
		Broker::append(h, "modified", "b");
		Broker::insert_into_set(h, "renewed", 1, 45sec);
		Broker::push(h, "vec", 1, 45sec);
		Broker::put(h, "set", set(1, 2), 45sec);
		Broker::put(h, "negative", 1, -1sec);
		when ( local u = Broker::put_unique(h, "unique", 1, 45sec) )
			print "put_unique", u$result as bool;
		timeout 1sec
			{ print "timeout"; }
		}
	if ( n == 2 )
		{
		# A new span moves the deadline; put_unique on an existing key
		# changes neither its value nor its deadline.
		Broker::insert_into_set(h, "renewed", 2, 45sec);
		Broker::pop(h, "vec", 45sec);
		Broker::remove_from(h, "set", 1);
		when ( local u2 = Broker::put_unique(h, "unique", 2, 1hr) )
			print "put_unique again", u2$result as bool;
		timeout 1sec
			{ print "timeout"; }
		}
	if ( n > 4 )
		return;

	local t = network_time() - start;
	when [t] ( local r = Broker::keys(h) )
		print t, r$result;
	timeout 1sec
		{ print "timeout"; }
	}
