# what this covers: helper library loaded by the @load tests (not run on its own)
module Helper;

export {
	global twice: function(n: count): count;
}

function twice(n: count): count
	{
	return n * 2;
	}

module GLOBAL;

global helper_value = "helper loaded";
