# when [copy x]: a deep copy taken when the when statement runs; later
# changes to the original do not show in the body.
global go = F;

event flip() { go = T; }

event zeek_init()
	{
	local v = vector(1, 2);
	local r: table[count] of string = { [1] = "one" };
	when [copy v, copy r] ( go )
		{
		print "v", v;
		print "r", r[1];
		}
	v += 3;
	r[1] = "uno";
	print "outer", v, r[1];
	event flip();
	}
