# what this covers: hook operator binds looser than comparisons but tighter than && and ||
global h: hook(n: count);

hook h(n: count)
	{
	if ( n > 5 )
		break;
	}

event zeek_init()
	{
	print hook h(1) && T;
	print F || hook h(9);
	print hook h(2) && hook h(3);
	local r = hook h(7) || F;
	print r;
	}
