# what this covers: a when whose condition already holds runs its body at
# once; a captured local keeps its value.
event zeek_init()
	{
	local x = 5;
	when [x] ( x > 3 )
		{
		print "when body", x;
		}
	print "after when";
	}
