# expect: error in ./not-exported.zeek, line 12: identifier is not exported: A::hidden
# what this covers: using a module-private name from another module

module A;

global hidden = 1;

module B;

event zeek_init()
	{
	print A::hidden;
	}
