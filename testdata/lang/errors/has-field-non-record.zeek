# expect: error in ./has-field-non-record.zeek, line 7: not a record (x?$a)
# what this covers: ?$ applied to a count

event zeek_init()
	{
	local x = 1;
	print x?$a;
	}
