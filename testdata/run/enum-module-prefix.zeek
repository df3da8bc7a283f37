# Enum values declared inside a module print with the module prefix, also
# inside records and containers; GLOBAL ones print bare.
type Color: enum { RED, GREEN };

module Shapes;

export {
	type Kind: enum { CIRCLE, SQUARE };
	type Item: record { k: Kind; c: Color; };
}

event zeek_init()
	{
	print CIRCLE, Shapes::SQUARE, RED;
	print Item($k = SQUARE, $c = GREEN);
	print vector(CIRCLE, SQUARE);
	print fmt("%s", CIRCLE), cat(SQUARE);
	}
