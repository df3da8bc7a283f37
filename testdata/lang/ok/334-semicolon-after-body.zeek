# what this covers: a ';' after a function, event or hook body or a
# top-level block statement is an empty statement, as Zeek accepts it
# (and as -e code ends: Zeek adds one); the ';' ending a record type or a
# table initialiser still belongs to its declaration
type R: record { a: count; };
global t: table[count] of string = { [1] = "a" };

function f(): count { return 1; };
event zeek_init() { print f(); };
hook h() { };
if ( T ) { print "top"; };
