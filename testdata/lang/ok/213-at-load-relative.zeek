# what this covers: @load of relative helper scripts (without and with extension)
@load ./lib/helper
@load ./lib/helper.zeek
@load ./lib/other

event zeek_init()
	{
	print helper_value, Helper::twice(21), other_value;
	}
