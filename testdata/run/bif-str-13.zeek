# what this covers: to_title capitalises the first letter of each word
# (all-lowercase input).
event zeek_init()
	{
	print to_title("hello world");
	print to_title("  leading spaces");
	print to_title("");
	}
