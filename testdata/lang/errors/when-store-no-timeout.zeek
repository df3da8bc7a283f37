# expect(ours): error in ./when-store-no-timeout.zeek, line 11: asynchronous store queries in a when condition require a timeout
# what this covers: Broker store query in a when condition without a timeout

@load base/frameworks/broker

global h: opaque of Broker::Store;

event zeek_init()
	{
	h = Broker::create_master("s");
	when [h] ( local r = Broker::get(h, "key") )
		{
		print r;
		}
	}
