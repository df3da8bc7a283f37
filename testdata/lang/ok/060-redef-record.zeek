# what this covers: redef record R += { ... } adding optional and defaulted fields
type Info: record {
	id: count;
};

redef record Info += {
	note: string &optional;
	score: double &default=0.0;
};

event zeek_init()
	{
	local i = Info($id=1);
	i$note = "added later";
	print i$id, i$note, i$score;
	}
