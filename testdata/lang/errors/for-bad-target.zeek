# expect: error in ./for-bad-target.zeek, line 6: target to iterate over must be a table, set, vector, or string (5)
# what this covers: for loop over a count

event zeek_init()
	{
	for ( i in 5 )
		print i;
	}
