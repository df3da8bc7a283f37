# what this covers: statements at top level (after all declarations) run before zeek_init
global total = 0;

event zeek_init()
	{
	print "init", total;
	}

total = 5;
print "top-level", total;

if ( total > 3 )
	print "big";
