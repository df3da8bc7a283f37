# what this covers: an assert message that itself fails to evaluate is a
# runtime error instead of the assertion failure; a failing assert on
# `?$` shows the record in its message.
type R: record { a: count; b: count &optional; };
event zeek_init() &priority=1
	{
	local r = R($a=1234);
	assert r?$b, fmt("r$b is not set in %s", r);
	}
event zeek_init()
	{
	local r = R($a=1);
	assert r?$b, fmt("r$b is %s", r$b);
	}
