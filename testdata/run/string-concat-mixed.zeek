# + concatenates strings only; numbers go through cat or fmt.
event zeek_init()
	{
	local s = "a" + "b";
	s += "c";
	print s, s + cat(1) + fmt("%d", 2);
	}
