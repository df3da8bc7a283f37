# what this covers: pattern repetition {n}, {n,}, {n,m}, ?, *, +
event zeek_init()
	{
	local a = /a{3}/;
	local b = /b{2,}/;
	local c = /c{1,3}/;
	local d = /xy?z*w+/;
	print a == "aaa", b == "bbbbb", c == "cc";
	print d == "xww", d == "xyzzw";
	}
