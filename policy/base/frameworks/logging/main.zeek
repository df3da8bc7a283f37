##! The logging framework: log streams, the filters that route each stream's
##! records to writers, and the functions scripts use to write records.
##!
##! A stream is created once per log (Conn::LOG, DNS::LOG, ...) with a record
##! type whose &log fields become the columns. Every stream starts with one
##! filter named "default" that writes all columns to <path>.log.

module Log;

export {
	## The writer used by filters that do not name one.
	const default_writer = WRITER_ASCII &redef;

	## Filters log locally unless they say otherwise.
	const enable_local_logging = T &redef;
	## Filters forward to remote loggers unless they say otherwise.
	const enable_remote_logging = T &redef;

	## Separator between the names of nested record fields in columns.
	const default_scope_sep = "." &redef;
	## Prefix for the names of extension columns.
	const default_ext_prefix = "_" &redef;
	## Rotation interval of filters that do not set one (0 = never).
	const default_rotation_interval = 0secs &redef;
	## Shell command run on every rotated file by the default
	## postprocessor (see run_rotation_postprocessor_cmd); "" for none.
	const default_rotation_postprocessor_cmd = "" &redef;
	## Environment of that command: each entry NAME=VALUE becomes
	## ZEEK_ARG_NAME (upper case), as system_env does it.
	option default_rotation_postprocessor_cmd_env: table[string] of string = {};
	## Date format (strftime) in the names of rotated files.
	const default_rotation_date_format = "%Y-%m-%d-%H-%M-%S" &redef;
	## Directory rotated files go to (the default of RotationPath$dir);
	## "" is Log::default_logdir, or else the current directory.
	option default_rotation_dir = "";

	## Directory that log files are written to ("" = current directory).
	option default_logdir = "";

	## Send `print` output to a log instead of stdout (see PrintLogType).
	option print_to_log = REDIRECT_NONE;
	## Path of the log that `print` output goes to.
	option print_log_path = "print";

	## Longest a write may be delayed (Log::delay).
	const max_delay_interval = 200msec &redef;
	## Most records a stream may hold back for delays.
	const max_delay_queue_size = 1000 &redef;

	## Longest string in a single log field (0 = no limit).
	option max_field_string_bytes = 0;
	## Most string bytes in one record (0 = no limit).
	option max_total_string_bytes = 0;
	## Most elements in a single container field (0 = no limit).
	option max_field_container_elements = 0;
	## Most container elements in one record (0 = no limit).
	option max_total_container_elements = 0;

	## What a rotation postprocessor is told about a rotated file.
	type RotationInfo: record {
		writer: Writer;	##< The writer of the rotated file.
		fname: string;	##< The rotated file's new name.
		path: string;	##< The log's path.
		open: time;	##< When the rotated period began.
		close: time;	##< When it ended.
		terminating: bool;	##< Whether the rotation is the one at shutdown.
	};

	## A rotation postprocessor; returning F shuts the log's writer down
	## (a later write starts a new one).
	type RotationPostProcessorFunc: function(info: RotationInfo): bool;

	## What rotation_format_func is told about the file to rotate.
	type RotationFmtInfo: record {
		writer: Writer;	##< The writer of the file.
		path: string;	##< The log's path.
		open: time;	##< When the period began.
		close: time;	##< When it ends.
		terminating: bool;	##< Whether the rotation is the one at shutdown.
		## The postprocessor that will see the rotated file.
		postprocessor: RotationPostProcessorFunc &optional;
	};

	## Where rotation_format_func puts a rotated file.
	type RotationPath: record {
		## Its directory, created when missing.
		dir: string &default=default_rotation_dir;
		## Its name without the log suffix, which the writer adds.
		file_basename: string;
	};

	## Names rotated files. By default PATH.DATE (DATE the period's start
	## in default_rotation_date_format) for files that get the default
	## postprocessing, PATH-YY-MM-DD_HH.MM.SS for the others.
	const rotation_format_func: function(ri: RotationFmtInfo): RotationPath &redef;

	## The default postprocessor of each writer, for filters without one.
	const default_rotation_postprocessors: table[Writer] of function(info: RotationInfo): bool &redef;

	## Runs default_rotation_postprocessor_cmd, if any, on a rotated file:
	## the command gets the file's name, the log's path, the period's start
	## and end (YY-MM-DD_HH.MM.SS), 1 or 0 for terminating, and the
	## writer's name ("ascii") as arguments.
	global run_rotation_postprocessor_cmd: function(info: RotationInfo, npath: string): bool;

	## A filter decides which records of a stream go where, and how.
	type Filter: record {
		## Name of the filter, unique within its stream.
		name: string &default="default";
		## Writer that receives the records.
		writer: Writer &default=default_writer;
		## Output path without extension; derived from the stream if unset.
		path: string &optional;
		## Computes the path per record; overrides `path`.
		path_func: function(id: ID, path: string, rec: any): string &optional;
		## Only these columns are written, if set.
		include: set[string] &optional;
		## These columns are left out, if set.
		exclude: set[string] &optional;
		## Write on this node.
		log_local: bool &default=enable_local_logging;
		## Forward to remote loggers.
		log_remote: bool &default=enable_remote_logging;
		## Renames columns on output.
		field_name_map: table[string] of string &default=table();
		## Separator between nested field names.
		scope_sep: string &default=default_scope_sep;
		## Prefix for extension columns.
		ext_prefix: string &default=default_ext_prefix;
		## Returns a record of extension columns for a path.
		ext_func: function(path: string): any &optional;
		## Rotation interval (0 = never).
		interv: interval &default=default_rotation_interval;
		## Called after rotation.
		postprocessor: function(info: RotationInfo): bool &optional;
		## Writer-specific options.
		config: table[string] of string &default=table();
	};

	## Policy hook run for each record a filter is about to write; a
	## `break` suppresses the write for that filter.
	type PolicyHook: hook(rec: any, id: ID, filter: Filter);

	redef record Filter += {
		## Per-filter policy hook.
		policy: PolicyHook &optional;
	};

	## A log stream.
	type Stream: record {
		## The record type whose &log fields are the columns.
		columns: any;
		## Event raised with every record written.
		ev: any &optional;
		## Default path of the stream's filters.
		path: string &optional;
		## Policy hook run for every record written to the stream.
		policy: PolicyHook &optional;
		## Event groups enabled/disabled with the stream.
		event_groups: set[string] &default=set();
		## Longest a write may be delayed.
		max_delay_interval: interval &default=max_delay_interval;
		## Most records held back for delays.
		max_delay_queue_size: count &default=max_delay_queue_size;
	};

	## A hook run for every record written to any stream; a `break`
	## suppresses the write.
	global log_stream_policy: hook(rec: any, id: ID);

	## Builds the default path of a stream from its ID when none is given:
	## the module name in snake case, plus the ID's name in lower case
	## unless it is plain LOG (a trailing _LOG is dropped).
	global default_path_func: function(id: ID, path: string, rec: any): string;

	## Creates a stream with a "default" filter.
	global create_stream: function(id: ID, stream: Stream): bool;
	## Removes a stream and its filters.
	global remove_stream: function(id: ID): bool;
	## Enables a disabled stream.
	global enable_stream: function(id: ID): bool;
	## Disables a stream: writes are dropped until it is enabled again.
	global disable_stream: function(id: ID): bool;
	## Adds (or replaces) a filter of a stream.
	global add_filter: function(id: ID, filter: Filter): bool;
	## Removes a filter by name.
	global remove_filter: function(id: ID, name: string): bool;
	## Returns a filter by name (no_filter if there is none).
	global get_filter: function(id: ID, name: string): Filter;
	## Returns the names of a stream's filters.
	global get_filter_names: function(id: ID): set[string];
	## Writes a record to a stream.
	global write: function(id: ID, columns: any): bool;
	## Turns buffering of a stream's writers on or off.
	global set_buf: function(id: ID, buffered: bool): bool;
	## Flushes a stream's writers.
	global flush: function(id: ID): bool;
	## Adds the "default" filter to a stream.
	global add_default_filter: function(id: ID): bool;
	## Removes the "default" filter from a stream.
	global remove_default_filter: function(id: ID): bool;

	## Returned by get_filter when a filter does not exist.
	const no_filter: Filter = [$name="<not found>"];

	## The streams created so far.
	global active_streams: table[ID] of Stream = table();
}

# Filters per stream, by name.
global filters: table[ID, string] of Filter;

# Turns a CamelCase module name into snake_case ("NetControl" ->
# "net_control", "DNS" -> "dns").
function snake_case(s: string): string
	{
	local out = "";
	local prev_lower = F;

	for ( ch in s )
		{
		local upper = ( /[A-Z]/ == ch );
		if ( upper && prev_lower )
			out += "_";
		out += to_lower(ch);
		prev_lower = ! upper;
		}

	return out;
	}

function default_path_func(id: ID, path: string, rec: any): string
	{
	if ( path != "" )
		return path;

	local id_str = fmt("%s", id);
	local parts = split_string1(id_str, /::/);

	if ( |parts| != 2 )
		return to_lower(id_str);

	local mod = snake_case(parts[0]);
	local name = parts[1];

	if ( name == "LOG" )
		return mod;

	if ( /_LOG$/ in name )
		name = sub(name, /_LOG$/, "");

	return fmt("%s_%s", mod, to_lower(name));
	}

function create_stream(id: ID, stream: Stream): bool
	{
	if ( ! Log::__create_stream(id, stream) )
		return F;

	active_streams[id] = stream;
	return add_default_filter(id);
	}

function remove_stream(id: ID): bool
	{
	delete active_streams[id];

	for ( name in get_filter_names(id) )
		delete filters[id, name];

	return Log::__remove_stream(id);
	}

function enable_stream(id: ID): bool
	{
	if ( ! Log::__enable_stream(id) )
		return F;

	if ( id in active_streams )
		for ( group in active_streams[id]$event_groups )
			enable_event_group(group);

	return T;
	}

function disable_stream(id: ID): bool
	{
	if ( ! Log::__disable_stream(id) )
		return F;

	if ( id in active_streams )
		for ( group in active_streams[id]$event_groups )
			disable_event_group(group);

	return T;
	}

function add_filter(id: ID, filter: Filter): bool
	{
	# Without a path of its own, a filter writes to the stream's path, or
	# to the one derived from the stream's ID.
	if ( ! filter?$path && ! filter?$path_func )
		{
		if ( id in active_streams && active_streams[id]?$path )
			filter$path = active_streams[id]$path;
		else
			filter$path = default_path_func(id, "", 0);
		}

	filters[id, filter$name] = filter;
	return Log::__add_filter(id, filter);
	}

function remove_filter(id: ID, name: string): bool
	{
	delete filters[id, name];
	return Log::__remove_filter(id, name);
	}

function get_filter(id: ID, name: string): Filter
	{
	if ( [id, name] in filters )
		return filters[id, name];

	return no_filter;
	}

function get_filter_names(id: ID): set[string]
	{
	local names: set[string] = set();

	for ( [fid, name] in filters )
		if ( fid == id )
			add names[name];

	return names;
	}

function write(id: ID, columns: any): bool
	{
	# The runtime coerces the record to the stream's columns, runs
	# log_stream_policy and the stream and filter policy hooks, raises the
	# stream's event and hands the record to each filter's writer.
	return Log::__write(id, columns);
	}

function set_buf(id: ID, buffered: bool): bool
	{
	return Log::__set_buf(id, buffered);
	}

function flush(id: ID): bool
	{
	return Log::__flush(id);
	}

# The postprocessor of filters that have none: the writer's default one,
# if it has one.
function __default_rotation_postprocessor(info: RotationInfo): bool
	{
	if ( info$writer !in default_rotation_postprocessors )
		return T;

	return default_rotation_postprocessors[info$writer](info);
	}

function run_rotation_postprocessor_cmd(info: RotationInfo, npath: string): bool
	{
	local cmd = default_rotation_postprocessor_cmd;

	if ( cmd == "" )
		return T;

	# Log::WRITER_ASCII -> "ascii".
	local writer = subst_string(to_lower(fmt("%s", info$writer)), "log::writer_", "");

	# The command's own exit status does not matter.
	system_env(fmt("%s %s %s %s %s %d %s", cmd, safe_shell_quote(npath),
	               safe_shell_quote(info$path),
	               strftime("%y-%m-%d_%H.%M.%S", info$open),
	               strftime("%y-%m-%d_%H.%M.%S", info$close),
	               info$terminating, writer),
	           default_rotation_postprocessor_cmd_env);
	return T;
	}

# The ASCII writer's postprocessing: the shell command.
function default_ascii_rotation_postprocessor_func(info: RotationInfo): bool
	{
	return run_rotation_postprocessor_cmd(info, info$fname);
	}

redef default_rotation_postprocessors += {
	[WRITER_ASCII] = default_ascii_rotation_postprocessor_func,
};

function rotation_format_func(ri: RotationFmtInfo): RotationPath
	{
	# Files that only get the ASCII writer's usual postprocessing are
	# named after default_rotation_date_format; the others keep the older
	# PATH-YY-MM-DD_HH.MM.SS.
	local usual = ri?$postprocessor && ri$postprocessor == __default_rotation_postprocessor &&
	              ri$writer == WRITER_ASCII && WRITER_ASCII in default_rotation_postprocessors &&
	              default_rotation_postprocessors[WRITER_ASCII] == default_ascii_rotation_postprocessor_func;

	if ( usual )
		return RotationPath($file_basename=fmt("%s.%s", ri$path, strftime(default_rotation_date_format, ri$open)));

	return RotationPath($file_basename=fmt("%s-%s", ri$path, strftime("%y-%m-%d_%H.%M.%S", ri$open)));
	}

function add_default_filter(id: ID): bool
	{
	return add_filter(id, [$name="default"]);
	}

function remove_default_filter(id: ID): bool
	{
	return remove_filter(id, "default");
	}
