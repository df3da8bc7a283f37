# what this covers: calling a hook held in a value (a variable, a set
# element, as Conn's removal hooks are kept), with break
type H: hook(n: count);

hook first(n: count) { print "first", n; }
hook second(n: count) &priority=5 { print "second", n; break; }

global hooks: set[H] = { first };
global h: H = second;

event zeek_init()
	{
	for ( hk in hooks )
		print hook hk(1);
	print hook h(2);
	local l = first;
	print hook l(3);
	}
