# what this covers: $ field access for read, write and compound assignment
type Counter: record {
	name: string;
	value: count;
};

event zeek_init()
	{
	local c = Counter($name="c", $value=1);
	c$value = c$value + 1;
	c$value += 10;
	c$name = c$name + "!";
	print c$name, c$value;
	}
