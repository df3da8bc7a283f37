# what this covers: a lambda that changes a captured record changes the
# shared record; a copy capture changes only its own copy.
type Counter: record { n: count; };
event zeek_init()
	{
	local c = Counter($n=0);
	local inc = function[c]() { ++c$n; };
	local inc_copy = function[copy c]() { ++c$n; print "copy sees", c$n; };
	inc();
	inc();
	inc_copy();
	inc_copy();
	print c$n;
	}
