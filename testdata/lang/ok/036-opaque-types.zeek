# what this covers: opaque types (hash handles, Broker::Store-style names) as values, fields and container elements
type Holder: record {
	h: opaque of md5;
	store: opaque of Broker::Store &optional;
};

global handles: table[string] of opaque of sha1;

event zeek_init()
	{
	local m = md5_hash_init();
	md5_hash_update(m, "abc");
	local r = Holder($h=m);
	handles["x"] = sha1_hash_init();
	print md5_hash_finish(r$h);
	print r?$store, |handles|;
	}
