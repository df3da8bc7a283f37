# what this covers: function-typed globals hold function values: defined functions and lambdas may be assigned
global next_id: function(): count;
global check: function(s: string): bool;

global counter = 0;

function sequential(): count
	{
	return ++counter;
	}

function nonempty(s: string): bool
	{
	return |s| > 0;
	}

next_id = sequential;
check = nonempty;

event zeek_init()
	{
	print next_id(), next_id(), check(""), check("x");
	local base = 100;
	next_id = function[base](): count { return base; };
	check = function(s: string): bool { return s == "ok"; };
	print next_id(), check("ok");
	}
