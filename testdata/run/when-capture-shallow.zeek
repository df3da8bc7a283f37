# when [x]: a shallow capture shares an aggregate, so a change made after
# the when statement (before the condition holds) shows in the body.
global go = F;

event flip() { go = T; }

event zeek_init()
	{
	local v = vector(1, 2);
	local r: table[count] of string = { [1] = "one" };
	when [v, r] ( go )
		{
		print "v", v;
		print "r", r[1];
		}
	v += 3;
	r[1] = "uno";
	event flip();
	}
