# what this covers: hooks without parameters, hook handlers in modules
module H;

export {
	global on_start: hook();
}

hook on_start()
	{
	print "hook in module H";
	}

event zeek_init()
	{
	hook H::on_start();
	hook on_start();
	}
