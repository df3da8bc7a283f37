# what this covers: casting an any to the wrong type is an "invalid cast"
# error naming both types; a record type is described structurally.
type R: record { a: addr; b: port; };
event zeek_init() &priority=1
	{
	local a: any = 5;
	print a as count;
	print a as string;
	}
event zeek_init()
	{
	local a: any = R($a=1.2.3.4, $b=80/tcp);
	print (a as R)$b;
	print a as string;
	}
