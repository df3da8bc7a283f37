# what this covers: a set of function values: each named function is one
# member.
function f1(s: string) { print "f1", s; }
function f2(s: string) { print "f2", s; }
event zeek_init()
	{
	local hooks: set[function(s: string)] = set(f1, f2, f1);
	print |hooks|;
	for ( h in hooks )
		h("called");
	}
