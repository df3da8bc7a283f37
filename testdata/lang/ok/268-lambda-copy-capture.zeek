# what this covers: copy captures of records and tables versus reference captures
type R: record {
	n: count;
};

event zeek_init()
	{
	local r = R($n=1);
	local t = table([1] = "a");
	local by_ref = function[r](): count { return r$n; };
	local by_copy = function[copy r, copy t](): count { return r$n + |t|; };
	r$n = 10;
	t[2] = "b";
	print by_ref(), by_copy();
	}
