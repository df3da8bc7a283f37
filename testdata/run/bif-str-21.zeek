# what this covers: reverse, swap_case, remove_prefix / remove_suffix.
event zeek_init()
	{
	print reverse("stressed"), swap_case("aBc1");
	print remove_prefix("prefix-body", "prefix-"), remove_prefix("body", "x");
	print remove_suffix("file.tar.gz", ".gz"), remove_suffix("file", ".gz");
	}
