# what this covers: when statements inside ordinary functions capturing parameters
global results: table[addr] of string;

function lookup_and_store(a: addr)
	{
	when [a] ( local n = lookup_addr(a) )
		{
		results[a] = n;
		}
	}

event zeek_init()
	{
	lookup_and_store(127.0.0.1);
	}
