# expect: error in ./syntax-global-missing-name.zeek, line 4: syntax error, at or near "="
# what this covers: global declaration without a name

global = 5;

event zeek_init()
	{
	}
