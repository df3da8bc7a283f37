# expect(ours): error in ./syntax-unterminated-string.zeek, line 6: unterminated string literal
# what this covers: string literal not closed before end of line

event zeek_init()
	{
	print "abc;
	}
