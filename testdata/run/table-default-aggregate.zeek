# what this covers: an aggregate &default is a fresh copy per missing
# read: changing it does not change the table or later defaults; `+=` on
# a vector appends in place without assigning back, so nothing is
# inserted.
event zeek_init()
	{
	local t: table[count] of set[string] &default=set();
	add t[1]["a"];
	print |t|, |t[1]|;
	local v: table[count] of vector of count &default=vector(1);
	v[2] += 9;
	print v[2], v[3], |v|;
	}
