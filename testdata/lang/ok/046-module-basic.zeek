# what this covers: module declaration, export block, qualified and unqualified access
module Foo;

export {
	global greeting: string = "hi";
	const limit = 10;
	type Kind: enum { SMALL, LARGE };
}

global internal_count = 0;

event zeek_init()
	{
	print greeting, Foo::greeting, limit, Foo::LARGE;
	++internal_count;
	print internal_count;
	}
