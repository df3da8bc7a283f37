# what this covers: join_string_vec keeps order; join_string_set on a
# single-element set (order of larger sets is unspecified).
event zeek_init()
	{
	print join_string_vec(vector("a", "b", "c"), "-");
	print join_string_vec(vector("only"), ", ");
	local empty: vector of string;
	print fmt("[%s]", join_string_vec(empty, ","));
	print join_string_set(set("solo"), ", ");
	local s = set("x", "y");
	local j = join_string_set(s, "+");
	print j == "x+y" || j == "y+x";
	}
