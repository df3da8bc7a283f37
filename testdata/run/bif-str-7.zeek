# what this covers: sub_bytes uses 1-based start; n=-1 means "to the end".
event zeek_init()
	{
	local s = "abcdefgh";
	print sub_bytes(s, 1, 3), sub_bytes(s, 3, 2), sub_bytes(s, 6, 100);
	print sub_bytes(s, 4, -1);
	print fmt("[%s]", sub_bytes(s, 20, 2));
	}
