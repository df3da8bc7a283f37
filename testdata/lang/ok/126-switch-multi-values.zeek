# what this covers: switch cases with multiple values, string switch
function kind(s: string): string
	{
	switch ( s ) {
	case "a", "e", "i", "o", "u":
		return "vowel";
	case "y":
		return "sometimes";
	default:
		return "consonant";
	}
	}

event zeek_init()
	{
	print kind("e"), kind("y"), kind("z");
	}
