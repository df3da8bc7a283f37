# A STREAM table stream puts each appended line into the table: a new
# index is EVENT_NEW, a known one EVENT_CHANGED (ev gets the old value).
# Nothing is removed, and no Input::end_of_data comes.

redef exit_only_after_terminate = T;

type Idx: record {
	ip: addr;
};

type Val: record {
	name: string;
};

global hosts: table[addr] of Val = table();
global entries = 0;

function write(path: string, data: string, append: bool)
	{
	local f = append ? open_for_append(path) : open(path);
	write_file(f, data);
	close(f);
	}

event entry(desc: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	print "entry", tpe, left$ip, right$name, hosts[left$ip]$name;
	switch ( ++entries ) {
	case 2:
		write("hosts.dat", "10.0.0.1\tALPHA\n10.0.0.3\tgamma\n", T);
		break;
	case 4:
		for ( ip, v in hosts )
			print fmt("  %s: %s", ip, v$name);
		terminate();
		break;
	}
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data";
	}

event zeek_init()
	{
	write("hosts.dat", "#fields\tip\tname\n10.0.0.1\talpha\n10.0.0.2\tbeta\n", F);
	Input::add_table([$source="hosts.dat", $name="hosts", $idx=Idx, $val=Val, $destination=hosts,
	                  $ev=entry, $mode=Input::STREAM]);
	}
