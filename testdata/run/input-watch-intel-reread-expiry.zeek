# A REREAD of an intel file restarts the expiry of every indicator it
# reads again: a and b are read at once and expire after 3 s; a second
# version of the file, with a only, is moved into place 1 s later. b
# expires on time while a is still matched; a goes 3 s after its second
# read. (input-watch-*: runs in a fresh directory, where it writes its
# feed; network time follows the wall clock.)
@load base/frameworks/intel

redef exit_only_after_terminate = T;
redef Intel::read_files += { "feed.dat" };
redef Intel::item_expiration = 3 secs;
redef table_expire_interval = 100 msec;
redef Threading::heartbeat_interval = 100 msec;

global reads = 0;
global read_at: vector of time;

function write_feed(name: string, lines: string)
	{
	local f = open(name);
	write_file(f, "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\n" + lines);
	close(f);
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	print "  match", s$indicator;
	}

event second_version()
	{
	write_feed("feed.new", "a.example\tIntel::DOMAIN\tfeed\tsecond\n");
	rename("feed.new", "feed.dat");
	}

event Input::end_of_data(name: string, source: string)
	{
	read_at += network_time();
	print "read", ++reads;
	if ( reads == 1 )
		schedule 1 sec { second_version() };
	}

hook Intel::item_expired(indicator: string, indicator_type: Intel::Type, metas: set[Intel::MetaData])
	{
	# Both go item_expiration after the read that last inserted them (a
	# sweep's lateness aside): b after the first read, a after the
	# second, and so not with b.
	local last = read_at[indicator == "a.example" ? |read_at| - 1 : 0];
	print "expired", indicator, "reads", reads, "3 s after its last read",
	      network_time() - last >= 2.9 secs;
	if ( indicator == "a.example" )
		{
		print "  held past the first read's expiry", network_time() - read_at[0] > 3.5 secs;
		terminate();
		}
	else
		# a is still in the store.
		Intel::seen([$indicator="a.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	break;
	}

# Before the framework's zeek_init (priority 5) adds the stream.
event zeek_init() &priority=10
	{
	write_feed("feed.dat", "a.example\tIntel::DOMAIN\tfeed\tfirst\nb.example\tIntel::DOMAIN\tfeed\tfirst\n");
	}
