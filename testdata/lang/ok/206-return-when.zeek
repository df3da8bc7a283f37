# what this covers: return when inside a function makes it asynchronous; called from a when condition
function resolve(a: addr): string
	{
	return when [a] ( local n = lookup_addr(a) )
		{
		return n;
		}
	timeout 10 secs
		{
		return "<unknown>";
		}
	}

event zeek_init()
	{
	when ( local r = resolve(127.0.0.1) )
		{
		print r;
		}
	}
