# expect: error in ./string-index-assign.zeek, line 7: cannot assign to string index expression (s[0])
# what this covers: assigning into a string index

event zeek_init()
	{
	local s = "abc";
	s[0] = "x";
	}
