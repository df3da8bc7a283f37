# what this covers: /.../i case-insensitive patterns and (?i:...) groups
event zeek_init()
	{
	local p = /foo/i;
	local q = /x(?i:abc)y/;
	print p == "FoO", p in "a FOO b";
	print q == "xABCy", q == "XABCy";
	}
