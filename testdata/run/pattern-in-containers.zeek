# what this covers: patterns stored in a vector and a table print with
# their stored text and still match.
event zeek_init()
	{
	local v = vector(/a+/, /b+/);
	print v;
	local t: table[count] of pattern = { [1] = /x[0-9]/ };
	print t[1], "x7" == t[1], "xx" == t[1];
	}
