# what this covers: a concatenated pattern searched with `in`.
event zeek_init()
	{
	local p = /[0-9]+/ & /px/;
	print p in "width: 100px;", p in "width: px", "12px" == p;
	}
