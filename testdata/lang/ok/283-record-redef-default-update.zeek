# what this covers: existing record values grow fields added by a later redef record
type Base: record {
	a: count;
};

global early = Base($a=1);

redef record Base += {
	b: string &default="added";
};

event zeek_init()
	{
	print early$a, early$b;
	}
