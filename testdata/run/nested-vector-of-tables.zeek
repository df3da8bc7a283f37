# A vector of tables: each element is its own table; printing a vector
# renders each table inline with its newlines.
event zeek_init()
	{
	local v: vector of table[count] of string = vector();
	v += table([1] = "one");
	v += table([2] = "two");
	print v;
	v[0][10] = "ten";
	print |v|, |v[0]|, |v[1]|, v[0][10];
	}
