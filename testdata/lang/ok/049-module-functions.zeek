# what this covers: exported function declared in export and defined later in the module
module Util;

export {
	global double_it: function(n: count): count;
}

function double_it(n: count): count
	{
	return 2 * n;
	}

function helper(n: count): count
	{
	return double_it(n) + 1;
	}

event zeek_init()
	{
	print Util::double_it(4), helper(4);
	}
