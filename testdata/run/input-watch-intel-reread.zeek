# An intel file replaced by an atomic mv is read again (REREAD): every
# line is inserted anew and new lines match; a line the new version
# dropped is not removed from the store. (input-watch-*: runs in a fresh
# directory, where it writes its feed.)
@load base/frameworks/intel

redef exit_only_after_terminate = T;
redef Intel::read_files += { "feed.dat" };

global reads = 0;

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	for ( item in items )
		print "  match", s$indicator, item$meta$source, item$meta$desc;
	}

function write_feed(name: string, lines: string)
	{
	local f = open(name);
	write_file(f, "#fields\tindicator\tindicator_type\tmeta.source\tmeta.desc\n" + lines);
	close(f);
	}

function look()
	{
	for ( name in set("a.example", "b.example", "c.example") )
		Intel::seen([$indicator=name, $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	}

event Intel::read_entry(desc: Input::EventDescription, tpe: Input::Event, item: Intel::Item)
	{
	print "read", item$indicator, tpe;
	}

event check()
	{
	print "after read", reads;
	look();

	if ( reads == 1 )
		{
		# The feed's next version: b changes its description, a is
		# gone, c is new. Written aside and moved into place.
		write_feed("feed.new", "b.example\tIntel::DOMAIN\tfeed\tsecond\nc.example\tIntel::DOMAIN\tfeed\tnew\n");
		rename("feed.new", "feed.dat");
		}
	else
		terminate();
	}

event Input::end_of_data(name: string, source: string)
	{
	++reads;
	# Matches are raised as events: look once the reads are inserted.
	event check();
	}

# Before the framework's zeek_init (priority 5) adds the stream.
event zeek_init() &priority=10
	{
	write_feed("feed.dat", "a.example\tIntel::DOMAIN\tfeed\tfirst\nb.example\tIntel::DOMAIN\tfeed\tfirst\n");
	}
