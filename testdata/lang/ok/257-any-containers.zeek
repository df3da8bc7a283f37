# what this covers: vector of any and table of any with casts on retrieval
event zeek_init()
	{
	local bag: vector of any = vector();
	bag += 1;
	bag += "two";
	bag += 3.0;
	local props: table[string] of any = table();
	props["n"] = 5;
	props["s"] = "x";
	print bag[0] as count, bag[1] as string, |bag|;
	print (props["n"] as count) + 1;
	}
