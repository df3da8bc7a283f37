# what this covers: named functions as values: stored in a set, tested
# for membership and called.
function a(): string { return "a"; }
function b(): string { return "b"; }
event zeek_init()
	{
	local fs: set[function(): string] = set(a);
	print a in fs, b in fs;
	local f = b;
	print f();
	f = a;
	print f();
	}
