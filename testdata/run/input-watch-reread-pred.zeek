# pred of a REREAD table stream is asked before every change: here it
# vetoes the change of 10.0.0.2 (the table keeps the old value) and the
# removal of 10.0.0.3 (the entry stays); what it sets in right goes into
# the table.

redef exit_only_after_terminate = T;

type Idx: record {
	ip: addr;
};

type Val: record {
	name: string;
};

global hosts: table[addr] of Val = table();
global reads = 0;

# write replaces a file by an atomic rename: the poller never sees it
# half written.
function write(path: string, data: string)
	{
	local f = open(path + ".new");
	write_file(f, data);
	close(f);
	rename(path + ".new", path);
	}

function pred(tpe: Input::Event, left: Idx, right: Val): bool
	{
	print "pred", tpe, left$ip, right$name;
	if ( tpe == Input::EVENT_NEW )
		right$name = right$name + "!";
	return tpe == Input::EVENT_NEW || tpe == Input::EVENT_CHANGED && left$ip != 10.0.0.2;
	}

event entry(desc: Input::TableDescription, tpe: Input::Event, left: Idx, right: Val)
	{
	print "entry", tpe, left$ip, right$name;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", ++reads;
	for ( ip, v in hosts )
		print fmt("  %s: %s", ip, v$name);
	if ( reads == 1 )
		write("hosts.dat", "#fields\tip\tname\n10.0.0.1\tALPHA\n10.0.0.2\tBETA\n10.0.0.4\tdelta\n");
	else
		terminate();
	}

event zeek_init()
	{
	write("hosts.dat", "#fields\tip\tname\n10.0.0.1\talpha\n10.0.0.2\tbeta\n10.0.0.3\tgamma\n");
	Input::add_table([$source="hosts.dat", $name="hosts", $idx=Idx, $val=Val, $destination=hosts,
	                  $ev=entry, $pred=pred, $mode=Input::REREAD]);
	}
