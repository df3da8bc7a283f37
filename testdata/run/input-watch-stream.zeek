# A STREAM event stream delivers the lines appended to its file as they
# come, and never raises Input::end_of_data. A file truncated and written
# anew is read again from its start.

redef exit_only_after_terminate = T;

type Line: record {
	word: string;
};

global lines = 0;

function write(path: string, data: string, append: bool)
	{
	local f = append ? open_for_append(path) : open(path);
	write_file(f, data);
	close(f);
	}

event line(desc: Input::EventDescription, tpe: Input::Event, r: Line)
	{
	print "line", tpe, r$word;
	switch ( ++lines ) {
	case 2:
		write("words.dat", "three\nfour\n", T);
		break;
	case 4:
		write("words.dat", "#fields\tword\nfive\n", F);
		break;
	case 5:
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
	write("words.dat", "#fields\tword\none\ntwo\n", F);
	Input::add_event([$source="words.dat", $name="words", $fields=Line, $ev=line, $mode=Input::STREAM]);
	}
