# what this covers: record_fields reports each field's type name, &log and
# &optional flags, and the current value (absent for a type argument).
type R: record {
	a: count &log;
	b: string &optional;
	c: bool &default=T;
};

event zeek_init()
	{
	local f = record_fields(R);
	print |f|;
	print f["a"]$type_name, f["a"]$log, f["a"]$optional, f["a"]?$value;
	print f["b"]$type_name, f["b"]$log, f["b"]$optional, f["b"]?$value;
	print f["c"]$type_name, f["c"]$optional;
	local r = R($a=5);
	local rf = record_fields(r);
	print rf["a"]$value, rf["b"]?$value, rf["c"]$value;
	}
