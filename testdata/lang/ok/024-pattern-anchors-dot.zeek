# what this covers: ^ and $ anchors, . wildcard, grouping with parentheses
event zeek_init()
	{
	local p = /^(ab)+$/;
	local q = /^GET .* HTTP\/1\.[01]$/;
	local r = /(foo|bar)baz/;
	print p == "ababab";
	print q in "GET /index.html HTTP/1.1";
	print r == "barbaz";
	}
