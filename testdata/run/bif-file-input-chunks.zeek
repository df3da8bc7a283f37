# A read of more rows than the engine delivers at once (4096): every row
# arrives, in file order, each event running before the next chunk's are
# made; end_of_data comes after the last. (print escapes tabs, so the
# file is comma-separated. Named bif-file-: it writes its input with
# open(), so it runs in a fresh directory.)
type Val: record {
	n: count;
	s: string;
};

global seen = 0;
global in_order = T;

event line(desc: Input::EventDescription, tpe: Input::Event, v: Val)
	{
	if ( v$n != seen )
		in_order = F;
	++seen;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", seen, in_order;
	}

event zeek_init()
	{
	local f = open("big.dat");
	print f, "#fields,n,s";
	local i = 0;
	while ( i < 10000 )
		{
		print f, fmt("%d,x%d", i, i);
		++i;
		}
	close(f);
	Input::add_event([$source="big.dat", $name="big", $fields=Val, $ev=line, $want_record=T, $config=table(["separator"] = ",")]);
	}
