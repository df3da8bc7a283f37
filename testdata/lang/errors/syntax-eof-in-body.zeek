# expect: error: syntax error, at end of file ./syntax-eof-in-body.zeek
# what this covers: file ends inside an event body

event zeek_init()
	{
	print "never closed";
