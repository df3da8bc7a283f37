# what this covers: vectors of records and record constructors in vector()
type P: record {
	x: int;
	y: int;
};

event zeek_init()
	{
	local pts: vector of P = vector(P($x=+1, $y=-1), P($x=+2, $y=+3));
	pts += P($x=-5, $y=+0);
	for ( i in pts )
		print pts[i]$x + pts[i]$y;
	}
