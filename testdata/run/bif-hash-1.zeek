# what this covers: md5_hash of strings, including the empty string and
# several arguments hashed as one concatenation.
event zeek_init()
	{
	print md5_hash("");
	print md5_hash("abc");
	print md5_hash("a", "bc") == md5_hash("abc");
	}
