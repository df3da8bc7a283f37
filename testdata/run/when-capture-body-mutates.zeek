# A when body changing a shallow-captured aggregate changes the caller's
# value too (they are the same object).
global go = F;
global keep: set[string];

event flip() { go = T; }
event show() { print "after body", |keep|, "x" in keep; }

event zeek_init()
	{
	local s: set[string] = set();
	keep = s;
	when [s] ( go )
		{
		add s["x"];
		event show();
		}
	event flip();
	}
