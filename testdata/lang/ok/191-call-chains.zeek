# what this covers: calls in expressions, calling function-valued fields and table entries
type Handler: record {
	f: function(s: string): count;
};

function strlen(s: string): count { return |s|; }

event zeek_init()
	{
	local h = Handler($f=strlen);
	print h$f("abcd");
	local fs: table[string] of function(s: string): count = { ["len"] = strlen };
	print fs["len"]("xy") + h$f("z");
	}
