# what this covers: more string BIFs: strip, split_string1, join_string_vec, find_all
event zeek_init()
	{
	print strip("  padded  ");
	print split_string1("k=v=w", /=/);
	print join_string_vec(vector("a", "b", "c"), "-");
	print |find_all("a1b22c333", /[0-9]+/)|;
	}
