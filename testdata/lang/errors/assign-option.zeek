# expect: error in ./assign-option.zeek, line 8: option is not a modifiable lvalue (level)
# what this covers: assigning to an option at runtime

option level = 1;

event zeek_init()
	{
	level = 2;
	}
