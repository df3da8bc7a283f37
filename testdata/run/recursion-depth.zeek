# Zeek's recursion limit: 1000 nested calls by default, 0 = no limit,
# exceeding it is a runtime error located at the function.
function recurse(n: count): count
	{
	# Hard limit at 20 (low number so it doesn't take too many resources)
	if ( n >= 20 )
		return 0;

	return 1 + recurse(n + 1);
	}

event zeek_done()
	{
	print fmt("Default max recursion depth: %d", get_max_recursion_depth());
	print recurse(0); # Default should allow 20 nested calls
	set_max_recursion_depth(0);
	print recurse(0); # 0 means no limit
	set_max_recursion_depth(10);
	print recurse(0); # Hits limit
	}
