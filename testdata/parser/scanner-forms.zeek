# Forms found in real Bro/Zeek scripts that the first parser missed.

# "$name(params) = { body }" in a record constructor: a function-valued
# field whose result type is inferred unless written.
global cfg = Cfg($limit=3,
	$check(k: string, n: count) =
		{
		return n > 2;
		},
	$label(k: string): string = { return k; });

# Parameters separated by ';', with a trailing ';' (Bro style).
function g(a: count; b: string;): count
	{
	return a;
	}

# Bro's "file of T".
global out: file of string;

event e(s: set[count])
	{
	if ( 3 ! in s )
		print /a.b/s, /A/is, [0x20::1], 10.1.0.0 / 16;
	}
