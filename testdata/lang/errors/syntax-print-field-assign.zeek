# expect: error in ./syntax-print-field-assign.zeek, line 6: syntax error, at or near "$"
# what this covers: a field assignment used as a print argument

event zeek_init()
	{
	print $foo=5;
	}
