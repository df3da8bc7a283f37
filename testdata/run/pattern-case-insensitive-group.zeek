# /.../i matches regardless of case; (?i:...) applies only to its group.
event zeek_init()
	{
	print /abc/i == "ABC", /a(?i:bc)/ == "aBC", /a(?i:bc)/ == "ABC";
	}
