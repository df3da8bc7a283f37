# Input::add_event raises the stream's event per line, with a nested
# record read from dotted columns; an unknown enum drops its line with
# Zeek's message; error_ev hears of it; a missing file is a problem and
# no end_of_data.

module Intel;

export {
	type Type: enum { ADDR, DOMAIN };
	type Meta: record {
		source: string;
		desc: string &optional;
	};
	type Item: record {
		indicator: string;
		indicator_type: Type;
		meta: Meta;
	};
}

event line(desc: Input::EventDescription, tpe: Input::Event, item: Item)
	{
	print "line", item$indicator, item$indicator_type, item$meta;
	}

event problem(desc: Input::EventDescription, msg: string, level: Reporter::Level)
	{
	print "problem", desc$name, level, msg;
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name;
	}

event zeek_init()
	{
	Input::add_event([$source="input-event.dat", $name="intel", $fields=Item, $ev=line, $error_ev=problem]);
	Input::add_event([$source="no-such-file.dat", $name="missing", $fields=Item, $ev=line]);
	}
