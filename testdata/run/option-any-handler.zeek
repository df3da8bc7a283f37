# A change handler whose value parameter is any receives the new value
# boxed with the option's type, and what it returns becomes the value.
option level = 1;

function watch(id: string, new_value: any): any
	{
	print id, new_value, new_value is count;
	return (new_value as count) + 100;
	}

event zeek_init()
	{
	Option::set_change_handler("level", watch);
	Option::set("level", 5);
	print level;
	}
