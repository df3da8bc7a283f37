# what this covers: &default function on a table computing values for missing keys
global lengths: table[string] of count &default=function(s: string): count { return |s|; };

event zeek_init()
	{
	print lengths["hello"];
	lengths["x"] = 100;
	print lengths["x"], |lengths|;
	}
