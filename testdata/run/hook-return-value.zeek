# what this covers: a hook with no handlers returns true; `hook` used in
# a condition.
global empty: hook();
global vetoed: hook(n: count);
hook vetoed(n: count)
	{
	if ( n > 5 )
		break;
	}
event zeek_init()
	{
	print hook empty();
	if ( hook vetoed(3) )
		print "3 allowed";
	if ( ! hook vetoed(9) )
		print "9 vetoed";
	}
