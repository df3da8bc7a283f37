# String comparison is bytewise: uppercase sorts before lowercase, a
# prefix before its extensions.
event zeek_init()
	{
	print "B" < "a", "ab" < "abc", "abc" < "abd", "" < "a", "a" == "a", "a" != "A";
	}
