# what this covers: split_string with a multi-character pattern and
# alternation.
event zeek_init()
	{
	print split_string("one, two;three ,four", /[ ]*[,;][ ]*/);
	print split_string("key1=v1&key2=v2", /&|=/);
	}
