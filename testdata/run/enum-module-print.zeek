# what this covers: enum values print with their module prefix when
# declared in a module other than GLOBAL.
module Foo;
export {
	type Kind: enum { ALPHA, BETA };
}
module GLOBAL;
type G: enum { DELTA };
event zeek_init()
	{
	print Foo::ALPHA, Foo::BETA, DELTA;
	local k = Foo::BETA;
	print k == Foo::BETA, fmt("%s", k);
	}
