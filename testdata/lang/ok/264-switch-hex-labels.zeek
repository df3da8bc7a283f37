# what this covers: switch case labels written as hex literals and constants
const MAGIC = 0xcafe;

function decode(code: count): string
	{
	switch ( code ) {
	case 0x00:
		return "zero";
	case 0x10, 0x20:
		return "tens";
	case MAGIC:
		return "magic";
	default:
		return "other";
	}
	}

event zeek_init()
	{
	print decode(0), decode(32), decode(51966), decode(1);
	}
