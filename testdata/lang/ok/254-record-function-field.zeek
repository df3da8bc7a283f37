# what this covers: record fields of function type with &default function values
type Formatter: record {
	prefix: string;
	fmt_fn: function(s: string): string &default=function(s: string): string { return s; };
};

event zeek_init()
	{
	local f1 = Formatter($prefix=">");
	local f2 = Formatter($prefix="#", $fmt_fn=function(s: string): string { return to_upper(s); });
	print f1$prefix + f1$fmt_fn("a"), f2$prefix + f2$fmt_fn("b");
	}
