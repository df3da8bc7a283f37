# what this covers: precedence of comparisons over && over ||, ! binding tightly
event zeek_init()
	{
	local a = 1;
	local b = 2;
	print a < b && b < 3 || F;
	print F || T && F;
	print ! F && F;
	print a == 1 || b == 1 && F;
	print (a == 1 || b == 1) && F;
	}
