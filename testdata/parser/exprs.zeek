# Literals, constructors and operators.
global lits = vector(T, F, 42, 0xff, +5, -5, 1.5, .5, 1e3, 1.5e-3, "s\t\"\x41\101",
	/fo+|ba[rz]/, /case/i, 80/tcp, 0/unknown, 10.0.0.1, [::1], [::ffff:1.2.3.4],
	10.0.0.0/8, [2001:db8::]/32, 15sec, 1 day, 2hrs, 0.5 secs, 3usec);
global r = [$a=1, $b="x"];
global r2 = Info($ts=network_time(), $n=1);
global s1 = set(1, 2, 3);
global s2: set[count, string] = { [1, "a"], [2, "b"] };
global t1 = table([1] = "a", [2] = "b") &default="none";
global t2: table[string] of count = { ["x"] = 1, ["y"] = 2 };
global v = vector(1, 2, 3);
global e1 = r?$a ? r$a : 0;
global e2 = |v| + |-3| * 2;
global e3 = "a" in "abc" && 1.2.3.4 in 1.2.0.0/16 && [1, "a"] in s2 && 5 !in s1;
global e4 = v[1:2] + s[:-1] + s[2:];
global e5 = x as count;
global e6 = y is string;
global e7 = copy(r);
global e8 = function[x, copy y](a: count): count { return a + x; };
global e9 = hook h(1);
global e10 = ~5 ^ 3 & 1 | 2 << 1 >> 1;
global e11 = /a/ & /b/ | /c/;
global e12 = f()(1)[2]$x$y?$z;
