# what this covers: handler for a GLOBAL event written inside a module body
module Watcher;

event zeek_init()
	{
	print "zeek_init inside module Watcher";
	}

event new_connection(c: connection)
	{
	print c$uid;
	}
