# what this covers: element-wise comparison of string vectors.
event zeek_init()
	{
	print vector("a", "b", "c") < vector("b", "b", "a");
	}
