# expect(ours): error in ./redef-record-mandatory.zeek, line 9: extension field must be &optional or have &default (c)
# what this covers: redef record adding a field that is neither &optional nor &default

type R: record {
	a: count;
};

redef record R += {
	c: count;
};
