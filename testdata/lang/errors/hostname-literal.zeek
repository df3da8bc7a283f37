# expect(ours): error in ./hostname-literal.zeek, line 6: host name literals are not supported, use lookup_hostname("www.example.com") (www.example.com)
# what this covers: Bro 2.x host-name literal, rejected

event zeek_init()
	{
	local a = www.example.com;
	print a;
	}
