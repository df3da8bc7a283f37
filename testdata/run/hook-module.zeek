# Hooks declared in a module and handled inside and outside it.
module Policy;

export {
	global check: hook(n: count);
	global run: function(n: count): bool;
}

hook check(n: count) &priority=5
	{
	print "Policy::check", n;
	if ( n > 10 )
		break;
	}

function run(n: count): bool
	{
	return hook check(n);
	}

module GLOBAL;

hook Policy::check(n: count)
	{
	print "global handler", n;
	}

event zeek_init()
	{
	print Policy::run(1);
	print Policy::run(20);
	print hook Policy::check(3);
	}
