# A Broker store query in a when condition needs a timeout block.
global h: opaque of Broker::Store;

event zeek_init()
	{
	h = Broker::create_master("t");
	when ( local r = Broker::get(h, "k") )
		print r;
	}
