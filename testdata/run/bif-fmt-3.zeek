# what this covers: to_json for scalars, vectors, records and sets.
type R: record {
	n: count;
	s: string;
	o: string &optional;
};

event zeek_init()
	{
	print to_json(42), to_json("hi\"x"), to_json(T), to_json(1.5);
	print to_json(vector(1, 2, 3));
	print to_json(R($n=1, $s="a"));
	print to_json(set(7));
	print to_json(10.0.0.1), to_json(80/tcp);
	}
