# what this covers: redef of a module's own exported const using the unqualified name inside the module
module Tun;

export {
	const depth = 1 &redef;
}

redef depth = 2;

event zeek_init()
	{
	print depth, Tun::depth;
	}
