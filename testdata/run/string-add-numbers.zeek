# what this covers: building strings with + and cat/fmt; strings compare
# after concatenation.
event zeek_init()
	{
	local s = "n=" + cat(5) + ",d=" + fmt("%.2f", 1.5);
	print s, s == "n=5,d=1.50";
	}
