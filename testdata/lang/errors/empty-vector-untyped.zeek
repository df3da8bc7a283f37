# expect: error in ./empty-vector-untyped.zeek, line 6: empty constructor in untyped initialization (vector())
# what this covers: vector() with no type context

event zeek_init()
	{
	local x = vector();
	}
