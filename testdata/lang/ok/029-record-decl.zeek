# what this covers: record type declaration with optional and default fields
type Person: record {
	name: string;
	age: count;
	email: string &optional;
	active: bool &default=T;
};

event zeek_init()
	{
	local p = Person($name="Ann", $age=30);
	print p$name, p$age, p$active;
	print p?$email;
	}
