# expect: error in ./assign-const.zeek, line 10: const is not a modifiable lvalue (limit)
# expect: error in ./assign-const.zeek, line 11: const is not a modifiable lvalue (k)
# what this covers: assigning to a constant (global and local)

const limit = 5;

event zeek_init()
	{
	const k = 1;
	limit = 3;
	k = 2;
	}
