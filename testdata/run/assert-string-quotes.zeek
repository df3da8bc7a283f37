# A failed assert shows the condition with string constants in quotes.
event zeek_done()
	{
	local s = "abc";
	assert s == "abd";
	}
