# what this covers: Bro 2.x bro_init and bro_done handlers (aliases of zeek_init/zeek_done)
global started = F;

event bro_init()
	{
	started = T;
	print "bro_init";
	}

event bro_done()
	{
	print "bro_done", started;
	}
