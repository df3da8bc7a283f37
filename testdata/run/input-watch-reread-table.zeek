# A REREAD table stream reads its file again when it changes, here by an
# atomic rename of a new version onto it. Compared with the previous
# read: a new line is EVENT_NEW, a changed value EVENT_CHANGED (ev gets
# the value replaced, the table already has the new one), an unchanged
# line raises nothing, a line gone is EVENT_REMOVED; then
# Input::end_of_data.

redef exit_only_after_terminate = T;

type Idx: record {
	ip: addr;
};

type Val: record {
	name: string;
};

global hosts: table[addr] of Val = table();
global reads = 0;

function write(path: string, data: string)
	{
	local f = open(path);
	write_file(f, data);
	close(f);
	}

event entry(desc: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	print "entry", tpe, left$ip, right$name, left$ip in hosts ? hosts[left$ip]$name : "(gone)";
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source, ++reads;
	for ( ip, v in hosts )
		print fmt("  %s: %s", ip, v$name);
	if ( reads == 1 )
		{
		write("hosts.new", "#fields\tip\tname\n10.0.0.1\talpha\n10.0.0.2\tBETA\n10.0.0.4\tdelta\n");
		rename("hosts.new", "hosts.dat");
		}
	else
		terminate();
	}

event zeek_init()
	{
	write("hosts.dat", "#fields\tip\tname\n10.0.0.1\talpha\n10.0.0.2\tbeta\n10.0.0.3\tgamma\n");
	Input::add_table([$source="hosts.dat", $name="hosts", $idx=Idx, $val=Val, $destination=hosts,
	                  $ev=entry, $mode=Input::REREAD]);
	}
