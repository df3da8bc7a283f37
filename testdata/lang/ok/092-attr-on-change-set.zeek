# what this covers: &on_change on a set (callback without a value parameter)
function set_changed(s: set[count], tpe: TableChange, idx: count)
	{
	if ( tpe == TABLE_ELEMENT_NEW )
		print "new", idx;
	else if ( tpe == TABLE_ELEMENT_REMOVED )
		print "removed", idx;
	}

global members: set[count] &on_change=set_changed;

event zeek_init()
	{
	add members[1];
	delete members[1];
	}
