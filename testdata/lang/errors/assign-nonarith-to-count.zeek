# expect: error in ./assign-nonarith-to-count.zeek, line 11: assignment of non-arithmetic value to arithmetic (count/string) (r$a = x)
# what this covers: record count field assigned a string

type R: record {
	a: count;
};

event zeek_init()
	{
	local r = R($a=1);
	r$a = "x";
	}
