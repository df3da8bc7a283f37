# what this covers: switch on an any value with case type T as x
function show(a: any): string
	{
	switch ( a ) {
	case type count as c:
		return fmt("count+1=%d", c + 1);
	case type string as s:
		return "string:" + s;
	case type addr, type subnet:
		return "network";
	default:
		return "unknown";
	}
	}

event zeek_init()
	{
	print show(1), show("x"), show(1.2.3.4), show(T);
	}
