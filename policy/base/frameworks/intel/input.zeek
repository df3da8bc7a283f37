##! Reads indicator files into the intel store with the input framework.
##! Each file is a tab-separated table with a #fields header naming the
##! Intel::Item columns (indicator, indicator_type, meta.source, ...).

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

	## Raised for read problems in an intel file.
	global read_error: event(desc: Input::EventDescription, message: string, level: Reporter::Level);
}

event Intel::read_entry(desc: Input::EventDescription, tpe: Input::Event, item: Intel::Item)
	{
	Intel::insert(item);
	}

event Intel::read_error(desc: Input::EventDescription, message: string, level: Reporter::Level)
	{
	local msg = fmt("Intel file %s: %s", desc$source, message);

	switch ( level ) {
	case Reporter::ERROR:
		Reporter::error(msg);
		break;
	case Reporter::WARNING:
		Reporter::warning(msg);
		break;
	default:
		Reporter::info(msg);
		break;
	}
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
			source = path_prefix + "/" + a_file;

		Input::add_event([$source=source,
		                  $reader=Input::READER_ASCII,
		                  $mode=Input::REREAD,
		                  $name=cat("intel-", a_file),
		                  $fields=Intel::Item,
		                  $ev=Intel::read_entry,
		                  $error_ev=Intel::read_error]);
		}
	}
