# what this covers: function values compared with == and stored in sets
function a() { }
function b() { }

global fns: set[function()] = { a };

event zeek_init()
	{
	local f = a;
	print f == a, f == b, f != b;
	print a in fns, b in fns;
	}
