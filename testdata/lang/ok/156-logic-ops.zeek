# what this covers: && || ! with short-circuit evaluation
global calls = 0;

function side(b: bool): bool
	{
	++calls;
	return b;
	}

event zeek_init()
	{
	print F && side(T);
	print T || side(F);
	print ! F, ! ! T;
	print side(T) && side(F) || side(T);
	print calls;
	}
