# what this covers: && and || short-circuit: the right operand is not
# evaluated when the left decides.
function side(b: bool, tag: string): bool
	{
	print "eval", tag;
	return b;
	}
event zeek_init()
	{
	print F && side(T, "and");
	print T || side(T, "or");
	print T && side(F, "and2");
	print F || side(T, "or2");
	}
