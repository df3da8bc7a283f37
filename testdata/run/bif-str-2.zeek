# what this covers: split_string on a literal separator pattern, with
# leading, trailing and adjacent separators producing empty elements.
event zeek_init()
	{
	print split_string("a,b,c", /,/);
	print split_string(",a,,b,", /,/);
	print |split_string("", /,/)|;
	print split_string("no-sep-here", /,/);
	}
