# Redefs apply where they are declared: after the initialisers of the
# globals before them, before those of the globals after them.
global s: set[count] = { 1 } &redef;
const a = 5 &redef;
module Foo;
export {
	const more = { 2, 3 } &redef;
}
redef s += more;
redef a = 6;
const b = a * 2;
redef Foo::more += { 4 };
event zeek_init() { print s, a, b, Foo::more; }
