# what this covers: assert statements on string comparisons, membership and formatted values, all passing
type R: record {
	a: count;
	b: string &optional;
};

event zeek_init()
	{
	local tbl: table[string] of string = table(["abc"] = "123");
	assert fmt("%s", 1) == "1";
	assert "abc" in tbl, cat(tbl);
	assert "x" !in tbl;
	assert to_count("42") == 42.0, "always passes";
	local r: R = [$a=1];
	assert ! r?$b, fmt("r$b is set in %s", r);
	assert |"a\tb"| == 3;
	}
