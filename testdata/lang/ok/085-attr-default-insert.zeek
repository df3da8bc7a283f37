# what this covers: &default_insert inserts the default value on a missing-key read; constructor attributes
global buckets: table[count] of set[string] &default_insert=set();

event zeek_init()
	{
	add buckets[1]["a"];
	add buckets[1]["b"];
	print |buckets[1]|, |buckets|;
	local squares = table([2] = 4) &default_insert=function(n: count): count { return n * n; };
	print squares[3], |squares|;
	}
