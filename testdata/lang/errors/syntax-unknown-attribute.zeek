# expect: error in ./syntax-unknown-attribute.zeek, line 4: syntax error, at or near "&"
# what this covers: an attribute name that does not exist

global x: count &foo;

event zeek_init()
	{
	print x;
	}
