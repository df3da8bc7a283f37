# expect: error in ./record-orphaned-field.zeek, line 10: orphaned field "zz" in record coercion ((coerce [$a=1, $zz=2] to R))
# what this covers: anonymous record with a field the target type lacks

type R: record {
	a: count;
};

event zeek_init()
	{
	local r: R = [$a=1, $zz=2];
	}
