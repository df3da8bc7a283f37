##! Reads indicator files into the intel store with the input framework.
##! Each file is a tab-separated table with a #fields header naming the
##! Intel::Item columns (indicator, indicator_type, meta.source, ...); a
##! meta.NAME column fills the MetaData field NAME, including fields that
##! policy scripts redef in. Files are re-read whenever they change (an
##! atomic mv is the way to update one): every line is inserted again,
##! which restarts its expiry, and lines no longer in the file stay in the
##! store until they expire or are removed.

@load base/frameworks/input
@load base/frameworks/cluster
@load ./main

module Intel;

export {
	## Files to read (re-read whenever they change).
	const read_files: set[string] = {} &redef;

	## Directory prepended to relative names in read_files.
	const path_prefix: string = "" &redef;

	## Raised for each line of an intel file.
	global read_entry: event(desc: Input::EventDescription, tpe: Input::Event, item: Intel::Item);

	## Raised for each problem reading an intel file (the input framework
	## has reported it already, with the file and line).
	global read_error: event(desc: Input::EventDescription, message: string, level: Reporter::Level);
}

event Intel::read_entry(desc: Input::EventDescription, tpe: Input::Event, item: Intel::Item)
	{
	# Where the line came from, for Intel::insert's complaint about a bad
	# indicator: "FILE, line N".
	reading_file = Input::__row_location();
	Intel::insert(item);
	reading_file = "";
	}

event Intel::read_error(desc: Input::EventDescription, message: string, level: Reporter::Level)
	{
	}

event zeek_init() &priority=5
	{
	# Only the node with the full store reads the files.
	if ( Cluster::is_enabled() && Cluster::local_node_type() != Cluster::MANAGER )
		return;

	for ( a_file in read_files )
		{
		local source = a_file;

		if ( path_prefix != "" && ! starts_with(a_file, "/") )
			source = rstrip(path_prefix, "/") + "/" + a_file;

		Input::add_event([$source=source,
		                  $reader=Input::READER_ASCII,
		                  $mode=Input::REREAD,
		                  $name=cat("intel-", a_file),
		                  $fields=Intel::Item,
		                  $ev=Intel::read_entry,
		                  $error_ev=Intel::read_error,
		                  # The reader names the file and line in every
		                  # complaint, unknown indicator types included.
		                  $config=table(["locate_all"] = "T")]);
		}
	}
