# Input::add_table reads a file into a table once zeek_init is over:
# index and value records from the #fields columns, ev raised per new
# entry, a bad address warned about (the line is kept with 0.0.0.0, as
# Zeek does), an unset non-optional column skipped even with a
# &default, then Input::end_of_data.

type Idx: record {
	ip: addr;
};

type Val: record {
	name: string &default="nobody";
	tags: set[string];
	seen: double;
};

global hosts: table[addr] of Val = table();

event entry(desc: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	print "entry", tpe, left$ip, right$name;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source, |hosts|;
	for ( ip, v in hosts )
		print ip, v;
	Input::remove(name);
	}

event zeek_init()
	{
	Input::add_table([$source="input-table.dat", $name="hosts", $idx=Idx, $val=Val, $destination=hosts, $ev=entry]);
	print "after add_table", |hosts|;
	}
