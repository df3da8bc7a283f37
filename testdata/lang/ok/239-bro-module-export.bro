# what this covers: a Bro 2.x style module with export, &redef options and bro_init
module Legacy;

export {
	const enabled = T &redef;
	global hits: table[addr] of count &default=0 &persistent;
}

event bro_init()
	{
	if ( enabled )
		++hits[1.2.3.4];
	print hits[1.2.3.4];
	}
