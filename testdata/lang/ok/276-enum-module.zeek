# what this covers: enums declared in a module, printed qualified, compared across modules
module Net;

export {
	type Dir: enum { IN, OUT, BOTH };
	global default_dir = OUT;
}

module GLOBAL;

event zeek_init()
	{
	local d: Net::Dir = Net::IN;
	print d, Net::default_dir, d == Net::IN;
	}
