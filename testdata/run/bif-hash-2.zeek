# what this covers: sha1_hash and sha256_hash of strings.
event zeek_init()
	{
	print sha1_hash("abc");
	print sha256_hash("abc");
	print sha256_hash("");
	}
