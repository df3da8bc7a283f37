# what this covers: Bro 2.x removed attributes &persistent and &synchronized (accepted, ignored)
global persisted: table[addr] of count &persistent;
global synced: set[string] &synchronized;
global both: table[string] of string &persistent &synchronized &default="";

event bro_init()
	{
	persisted[1.2.3.4] = 1;
	add synced["x"];
	print |persisted|, |synced|, both["none"];
	}
