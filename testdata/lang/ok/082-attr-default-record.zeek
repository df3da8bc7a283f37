# what this covers: &default on record fields incl. function-call defaults evaluated per instance
type Entry: record {
	created: time &default=network_time();
	hits: count &default=0;
	tags: set[string] &default=set();
	label: string &default="none";
};

event zeek_init()
	{
	local e = Entry();
	add e$tags["new"];
	++e$hits;
	print e$hits, e$label, |e$tags|;
	}
