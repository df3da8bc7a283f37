# expect: error in ./record-missing-field.zeek, line 11: mandatory field "a" missing (R($b=x))
# what this covers: constructor without a mandatory field

type R: record {
	a: count;
	b: string;
};

event zeek_init()
	{
	local r = R($b="x");
	}
