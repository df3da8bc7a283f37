# expect: error in ./syntax-bad-interval-unit.zeek, line 6: syntax error, at or near "weeks"
# what this covers: an interval with an unknown unit word

event zeek_init()
	{
	local i = 5 weeks;
	print i;
	}
