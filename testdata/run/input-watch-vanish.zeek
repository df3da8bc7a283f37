# A REREAD stream whose file is missing, or disappears, says so once (a
# warning, and error_ev) and keeps looking: the file is read when it is
# there again.

redef exit_only_after_terminate = T;

type Line: record {
	word: string;
};

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

event line(desc: Input::EventDescription, tpe: Input::Event, r: Line)
	{
	print "line", r$word;
	}

event problem(desc: Input::EventDescription, msg: string, level: Reporter::Level)
	{
	print "problem", level, msg;
	write("words.dat", fmt("#fields\tword\nread%d\n", reads + 1));
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", ++reads;
	if ( reads == 1 )
		unlink("words.dat");
	else
		terminate();
	}

event zeek_init()
	{
	Input::add_event([$source="words.dat", $name="words", $fields=Line, $ev=line, $error_ev=problem,
	                  $mode=Input::REREAD]);
	}
