# A record constructor converts field values to the field types: a count
# literal becomes a double or an int.
type R: record { d: double; i: int; c: count; };

event zeek_init()
	{
	local r = R($d = 3, $i = 4, $c = 5);
	print r;
	print type_name(r$d), type_name(r$i);
	local anon: R = [$d = 1, $i = -2, $c = 0];
	print anon;
	}
