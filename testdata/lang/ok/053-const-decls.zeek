# what this covers: global constants with and without explicit types, const locals
const pi = 3.14159;
const answer: count = 42;
const names: set[string] = { "a", "b" };

event zeek_init()
	{
	const local_c = 7;
	print pi, answer, |names|, local_c;
	print answer + local_c;
	}
