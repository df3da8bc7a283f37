# String slices: s[a:b] half-open, negative indexes count from the end,
# omitted bounds default to the ends; s[i] is one byte.
event zeek_init()
	{
	local s = "abcdef";
	print s[1:3], s[:2], s[4:], s[-2:], s[:-1], s[0], s[-1];
	print s[2:2] == "", |s[10:]|;
	}
