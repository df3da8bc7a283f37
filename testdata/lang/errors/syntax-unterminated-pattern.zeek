# expect(ours): error in ./syntax-unterminated-pattern.zeek, line 6: unterminated pattern literal
# what this covers: pattern literal not closed before end of line

event zeek_init()
	{
	local p = /ab;
	print p;
	}
