# what this covers: unqualified lookup tries the current module then GLOBAL
global g = "from GLOBAL";

module Mine;

global m = "from Mine";

function show(): string
	{
	return g + " / " + m;
	}

event zeek_init()
	{
	print show();
	print Mine::m;
	}
