# what this covers: string indexing and slicing s[i], s[1:3], s[:-1], s[2:]
event zeek_init()
	{
	local s = "abcdef";
	print s[0], s[5];
	print s[1:3];
	print s[:-1];
	print s[2:];
	print s[:2];
	print s[-2:];
	}
