# what this covers: string indexing and slicing: negative indices count
# from the end, out-of-range indices clamp or give "".
event zeek_init()
	{
	local s = "abcdef";
	print s[0], s[5], s[-1], s[6], |s[10]|;
	print s[1:3], s[:2], s[3:], s[-2:], s[:-1], s[4:2], s[0:100];
	}
