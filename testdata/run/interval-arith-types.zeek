# interval arithmetic result types: interval*count, interval/count stay
# intervals; interval/interval is a double; negation flips the sign.
event zeek_init()
	{
	local i = 10 min;
	print type_name(i * 2), type_name(i / 2), type_name(i / 5 min);
	print i * 2, i / 4, i / 5 min, -i;
	print |(-3 sec)|;
	}
