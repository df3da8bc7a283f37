# ?$ on a nested path: true only when every optional step is set; testing
# an inner field of an unset optional record is F, not an error.
type In: record { x: count &optional; };
type Out: record { i: In &optional; };

event zeek_init()
	{
	local o = Out();
	print o?$i;
	o$i = In();
	print o?$i, o$i?$x;
	o$i$x = 3;
	print o$i?$x, o$i$x;
	delete o$i$x;
	print o$i?$x;
	}
