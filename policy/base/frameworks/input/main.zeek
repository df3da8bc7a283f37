##! The input framework: reads tables or event streams from external sources
##! (tab-separated files by default) into the script layer.

module Input;

export {
	## Reader of streams that do not name one.
	const default_reader = READER_ASCII &redef;
	## Mode of streams that do not set one.
	const default_mode = MANUAL &redef;

	## Default column separator of the ASCII reader.
	const separator = "\t" &redef;
	## Default separator between set and vector elements.
	const set_separator = "," &redef;
	## Default text of an empty set or vector.
	const empty_field = "(empty)" &redef;
	## Default text of an unset field.
	const unset_field = "-" &redef;

	## Reads a source into a table (or set).
	type TableDescription: record {
		## Where to read from (a file name for the ASCII reader).
		source: string;
		## The reader to use.
		reader: Reader &default=default_reader;
		## Read once, on change, or continuously.
		mode: Mode &default=default_mode;
		## Unique name of the stream.
		name: string;
		## The table or set that receives the data.
		destination: any;
		## Record type of the index columns.
		idx: any;
		## Record type of the value columns (absent for sets).
		val: any &optional;
		## Store the value as a record even if it has one field.
		want_record: bool &default=T;
		## Event raised per change: (desc, tpe, left, right).
		ev: any &optional;
		## Decides whether a change is applied.
		pred: function(typ: Input::Event, left: any, right: any): bool &optional;
		## Event raised for read errors: (desc, message, level).
		error_ev: any &optional;
		## Reader-specific options.
		config: table[string] of string &default=table();
	};

	## Reads a source as a stream of events, one per line.
	type EventDescription: record {
		## Where to read from.
		source: string;
		## The reader to use.
		reader: Reader &default=default_reader;
		## Read once, on change, or continuously.
		mode: Mode &default=default_mode;
		## Unique name of the stream.
		name: string;
		## Record type of the columns.
		fields: any;
		## Pass the columns as one record rather than one argument each.
		want_record: bool &default=T;
		## Event raised per line: (desc, tpe, columns...).
		ev: any;
		## Event raised for read errors: (desc, message, level).
		error_ev: any &optional;
		## Reader-specific options.
		config: table[string] of string &default=table();
	};

	## Hands a source to the file analysis framework.
	type AnalysisDescription: record {
		## Where to read from.
		source: string;
		## The reader to use.
		reader: Reader &default=READER_BINARY;
		## Read once, on change, or continuously.
		mode: Mode &default=default_mode;
		## Unique name of the stream.
		name: string;
		## Reader-specific options.
		config: table[string] of string &default=table();
	};

	## Creates a table stream.
	global add_table: function(description: Input::TableDescription): bool;
	## Creates an event stream.
	global add_event: function(description: Input::EventDescription): bool;
	## Creates an analysis stream.
	global add_analysis: function(description: Input::AnalysisDescription): bool;
	## Removes a stream by name.
	global remove: function(id: string): bool;
	## Reads a stream's source again now.
	global force_update: function(id: string): bool;

	## Raised when a stream has read all of its source (again).
	global end_of_data: event(name: string, source: string);
}

function add_table(description: Input::TableDescription): bool
	{
	return Input::__create_table_stream(description);
	}

function add_event(description: Input::EventDescription): bool
	{
	return Input::__create_event_stream(description);
	}

function add_analysis(description: Input::AnalysisDescription): bool
	{
	return Input::__create_analysis_stream(description);
	}

function remove(id: string): bool
	{
	return Input::__remove_stream(id);
	}

function force_update(id: string): bool
	{
	return Input::__force_update(id);
	}
