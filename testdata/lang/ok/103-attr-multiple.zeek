# what this covers: several attributes combined on one declaration
global cache: table[string] of count &default=0 &read_expire=1 min &redef &ordered;

redef cache += { ["pre"] = 5 };

event zeek_init()
	{
	print cache["pre"], cache["none"];
	}
