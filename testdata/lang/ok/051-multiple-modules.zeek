# what this covers: several modules in one file sharing exported types
module Shapes;

export {
	type Shape: record {
		sides: count;
	};
}

module Draw;

export {
	global draw: function(s: Shapes::Shape): string;
}

function draw(s: Shapes::Shape): string
	{
	return fmt("%d sides", s$sides);
	}

module GLOBAL;

event zeek_init()
	{
	print Draw::draw(Shapes::Shape($sides=3));
	}
