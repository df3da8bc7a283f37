# String building: 1M small strings made by concatenation and number
# formatting, collected and joined into one 9.9 MB string.
event zeek_init()
	{
	local n = 1000000;
	local parts: vector of string = vector();
	local i = 0;
	while ( i < n )
		{
		parts += "k" + cat(i) + "-v";
		++i;
		}
	local s = join_string_vec(parts, ",");
	print |s|;
	}
