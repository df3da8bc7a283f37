# A record field holding a set or a table prints the container's multi-
# line form inside the record brackets.
type R: record { name: string; s: set[count]; t: table[count] of string; };

event zeek_init()
	{
	local r = R($name = "n", $s = set(7), $t = table([1] = "x"));
	print r;
	local empty = R($name = "e", $s = set(), $t = table());
	print empty;
	}
