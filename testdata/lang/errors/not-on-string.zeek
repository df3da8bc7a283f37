# expect: error in ./not-on-string.zeek, line 6: requires an integral or boolean operand (!a)
# what this covers: logical not applied to a string

event zeek_init()
	{
	print ! "a";
	}
