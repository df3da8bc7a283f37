# what this covers: find_all_ordered keeps every match in order,
# duplicates included.
event zeek_init()
	{
	print find_all_ordered("a1b22c1d333", /[0-9]+/);
	print find_all_ordered("none", /[0-9]+/);
	}
