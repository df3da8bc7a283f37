# what this covers: split_string1 splits only at the first match;
# split_string_all keeps the separators as elements.
event zeek_init()
	{
	print split_string1("a=b=c", /=/);
	print split_string1("abc", /=/);
	print split_string_all("a=b=c", /=/);
	print split_string_all("x", /=/);
	}
