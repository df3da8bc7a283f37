# what this covers: function types as values, stored in variables and tables
type BinOp: function(a: count, b: count): count;

function plus(a: count, b: count): count { return a + b; }
function times(a: count, b: count): count { return a * b; }

global ops: table[string] of BinOp = { ["+"] = plus, ["*"] = times };

event zeek_init()
	{
	local f: BinOp = plus;
	print f(2, 3);
	print ops["*"](4, 5);
	}
