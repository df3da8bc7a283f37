# what this covers: delete r$f on optional and defaulted record fields
type R: record {
	opt: string &optional;
	dflt: count &default=5;
};

event zeek_init()
	{
	local r = R($opt="x", $dflt=9);
	delete r$opt;
	delete r$dflt;
	print r?$opt, r$dflt;
	}
