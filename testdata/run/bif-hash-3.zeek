# what this covers: incremental md5/sha1/sha256 hashing matches the
# one-shot result.
event zeek_init()
	{
	local h = md5_hash_init();
	md5_hash_update(h, "hello ");
	md5_hash_update(h, "world");
	print md5_hash_finish(h) == md5_hash("hello world");
	local s1 = sha1_hash_init();
	sha1_hash_update(s1, "ab");
	sha1_hash_update(s1, "c");
	print sha1_hash_finish(s1);
	local s2 = sha256_hash_init();
	sha256_hash_update(s2, "abc");
	print sha256_hash_finish(s2) == sha256_hash("abc");
	}
