# what this covers: string in set[pattern] / table[pattern] matches any pattern (P2 form)
global bad: set[pattern] = { /evil/, /^bad/ };
global labels: table[pattern] of string = { [/[0-9]+/] = "number" };

event zeek_init()
	{
	print "an evil plan" in bad, "good" in bad;
	print labels["1234"];
	}
