# what this covers: chained $ and ?$ with index expressions and calls
type Leaf: record {
	val: count &optional;
};

type Tree: record {
	leaves: vector of Leaf;
	by_name: table[string] of Leaf;
};

function mk(): Tree
	{
	return Tree($leaves=vector(Leaf($val=1)), $by_name=table(["a"] = Leaf()));
	}

event zeek_init()
	{
	local t = mk();
	print t$leaves[0]$val, t$leaves[0]?$val, t$by_name["a"]?$val;
	print mk()$leaves[0]$val + 1;
	}
