# Input::force_update reads a MANUAL stream's file again: the changes
# since the last read reach the table and ev as with REREAD, then
# Input::end_of_data. An unknown stream is an error.

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
	print "entry", tpe, left$ip, right$name;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", ++reads, |hosts|;
	if ( reads > 1 )
		return;
	write("hosts.dat", "#fields\tip\tname\n10.0.0.2\tBETA\n10.0.0.3\tgamma\n");
	print "force_update", Input::force_update("hosts"), Input::force_update("nope");
	}

event zeek_init()
	{
	write("hosts.dat", "#fields\tip\tname\n10.0.0.1\talpha\n10.0.0.2\tbeta\n");
	Input::add_table([$source="hosts.dat", $name="hosts", $idx=Idx, $val=Val, $destination=hosts, $ev=entry]);
	}
