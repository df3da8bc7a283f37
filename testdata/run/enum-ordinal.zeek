# An enum's numeric value: |e| gives a count, explicit values are kept,
# names without one continue from the previous value, fmt %d agrees.
type E: enum { ZERO, ONE, TEN = 10, ELEVEN };

event zeek_init()
	{
	print |ZERO|, |ONE|, |TEN|, |ELEVEN|;
	print fmt("%d", ELEVEN);
	print enum_to_int(TEN);
	}
