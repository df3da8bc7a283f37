# Patterns stored in tables and vectors keep working; match_pattern style
# loops over them.
event zeek_init()
	{
	local pats: vector of pattern = vector(/^GET/, /POST/, /\.exe$/);
	local s = "GET /a.exe";
	for ( i in pats )
		print i, pats[i] in s;
	}
