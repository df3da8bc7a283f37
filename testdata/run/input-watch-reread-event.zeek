# A REREAD event stream raises its event for every line again, with
# EVENT_NEW, each time the file changes, then Input::end_of_data.

redef exit_only_after_terminate = T;

type Line: record {
	word: string;
	n: count;
};

global reads = 0;

event line(desc: Input::EventDescription, tpe: Input::Event, word: string, n: count)
	{
	print "line", tpe, word, n;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, ++reads;
	if ( reads == 1 )
		{
		# A new version, put in place by an atomic rename.
		local f = open("words.new");
		write_file(f, "#fields\tword\tn\none\t1\ntwo\t2\nthree\t3\n");
		close(f);
		rename("words.new", "words.dat");
		}
	else
		terminate();
	}

event zeek_init()
	{
	local f = open("words.dat");
	write_file(f, "#fields\tword\tn\none\t1\ntwo\t2\n");
	close(f);
	Input::add_event([$source="words.dat", $name="words", $fields=Line, $ev=line,
	                  $want_record=F, $mode=Input::REREAD]);
	}
