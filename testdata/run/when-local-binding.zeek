# when ( local x = expr ): the bound local is visible in the body and the
# timeout body; the condition counts as true as soon as expr has a value.
event zeek_init()
	{
	when ( local n = 5 + 6 )
		print "bound", n;
	print "after";
	}
