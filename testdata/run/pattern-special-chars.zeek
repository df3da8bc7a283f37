# what this covers: flex pattern syntax: quoted strings, character
# classes, repetition counts.
event zeek_init()
	{
	print /"a.b"/ == "a.b", /"a.b"/ == "axb";
	print /[[:digit:]]{3}/ == "123", /[[:digit:]]{3}/ == "12";
	print /x{2,3}/ == "xx", /x{2,3}/ == "xxxx";
	print /[^a-z]+/ == "ABC1", /[^a-z]+/ == "aB";
	}
