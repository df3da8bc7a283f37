# expect: error in ./no-such-field.zeek, line 11: no such field in record (r$nope)
# what this covers: reading a field the record type does not have

type R: record {
	a: count;
};

event zeek_init()
	{
	local r = R($a=1);
	print r$nope;
	}
