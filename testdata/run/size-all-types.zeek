# what this covers: |x| for every kind that has a size: absolute values,
# lengths, enum values, port numbers, address bits, subnet sizes.
type E: enum { E0, E1, E2 };
type R: record { a: count; b: string; c: bool &optional; };
event zeek_init()
	{
	print |-5|, |5|, |-2.5|, |-1min|, |"abc"|, |""|;
	print |set(1, 2)|, |table([1] = 2)|, |vector(1, 2, 3)|;
	print |E2|, |80/tcp|, |1.2.3.4|, |[::1]|, |10.0.0.0/24|;
	print |R($a=1, $b="x")|;
	}
