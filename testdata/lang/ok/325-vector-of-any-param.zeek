# what this covers: any vector passed, assigned or returned where a vector of any is wanted
function how_many(v: vector of any): count
	{
	return |v|;
	}

function as_any(v: vector of string): vector of any
	{
	return v;
	}

global anything: vector of any;

event zeek_init()
	{
	local counts = vector(1, 2, 3);
	local names = vector("a", "b");
	print how_many(counts), how_many(names), how_many(vector(T, F));
	anything = counts;
	local copy_of: vector of any = names;
	print |anything|, |copy_of|, |as_any(names)|;
	}
