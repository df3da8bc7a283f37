# what this covers: Bro 2.x when inside a function using parameters without captures
global names: table[addr] of string;

function remember(a: addr)
	{
	when ( local n = lookup_addr(a) )
		{
		names[a] = n;
		}
	}

event bro_init()
	{
	remember(127.0.0.1);
	}
