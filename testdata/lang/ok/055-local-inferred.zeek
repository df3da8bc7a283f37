# what this covers: local variables with inferred types from many initializers
event zeek_init()
	{
	local c = 1;
	local i = -1;
	local d = 1.0;
	local s = "s";
	local b = T;
	local a = 1.2.3.4;
	local n = 1.2.3.0/24;
	local p = 80/tcp;
	local iv = 3 secs;
	local pat = /x/;
	local t = current_time();
	print c + 1, i - 1, d * 2, s + "!", ! b, a, n, p, iv, pat, t > t;
	}
