# what this covers: loading the same script twice (different spellings) loads it once
@load ./lib/helper
@load ./lib/../lib/helper
@load ./lib/helper.zeek

event zeek_init()
	{
	print helper_value;
	}
