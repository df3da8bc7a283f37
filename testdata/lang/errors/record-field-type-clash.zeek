# expect: error in ./record-field-type-clash.zeek, line 8 and string: type clash for field "a" ((coerce [$a=x] to R) and string)
# what this covers: anonymous record field of the wrong type

type R: record {
	a: count;
};

global r: R = [$a="x"];
