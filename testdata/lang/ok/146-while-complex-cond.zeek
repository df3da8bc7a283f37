# what this covers: while with compound conditions and string building
event zeek_init()
	{
	local s = "";
	local i = 0;
	while ( |s| < 10 && i < 100 )
		{
		s = s + cat(i);
		++i;
		}
	print s, i;
	}
