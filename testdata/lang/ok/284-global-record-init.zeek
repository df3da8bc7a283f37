# what this covers: global records initialised by constructors and anonymous brackets
type Point: record {
	x: double;
	y: double;
};

global origin: Point = [$x=0.0, $y=0.0];
global unit = Point($x=1.0, $y=1.0);

event zeek_init()
	{
	print origin$x + unit$y;
	}
