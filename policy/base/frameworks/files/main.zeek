##! File analysis: the files protocol analysers carry (HTTP bodies and
##! the like) get an id from the handle their protocol's registration
##! makes, analysers attached on request (hashes, extraction, data
##! events), and one files.log line each when they end.

@load base/frameworks/logging
@load base/utils/site

module Files;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of files.log.
	global log_policy: Log::PolicyHook;

	## Options of a file analyser attached with add_analyzer. The extract
	## script adds its own fields.
	type AnalyzerArgs: record {
		## Raised with every chunk of data and its offset (DATA_EVENT).
		chunk_event: event(f: fa_file, data: string, off: count) &optional;
		## Raised with the file's bytes in order (DATA_EVENT).
		stream_event: event(f: fa_file, data: string) &optional;
	};

	## One files.log record.
	type Info: record {
		## When the file was first seen.
		ts: time &log;
		## The file's id.
		fuid: string &log;
		## The connection that carried it.
		uid: string &log &optional;
		id: conn_id &log &optional;
		## The analyser that extracted it ("HTTP").
		source: string &log &optional;
		## Depth of the file in its protocol (e.g. MIME nesting).
		depth: count &default=0 &log;
		## The file analysers attached.
		analyzers: set[string] &default=string_set() &log;
		## The sniffed MIME type.
		mime_type: string &log &optional;
		## The name the protocol gave it.
		filename: string &log &optional;
		## From first to last data.
		duration: interval &log &default=0secs;
		## Whether its sender is local (Site::local_nets).
		local_orig: bool &log &optional;
		## Whether the connection's originator sent it.
		is_orig: bool &log &optional;
		seen_bytes: count &log &default=0;
		total_bytes: count &log &optional;
		missing_bytes: count &log &default=0;
		overflow_bytes: count &log &default=0;
		## Whether it ended by timing out.
		timedout: bool &log &default=F;
		## The file it was extracted from.
		parent_fuid: string &log &optional;
	};

	## How a protocol analyser names its files and describes them.
	type ProtoRegistration: record {
		## The file handle of the next file of a connection direction.
		get_file_handle: function(c: connection, is_orig: bool): string;
		## A short description of a file, for notices and the like.
		describe: function(f: fa_file): string &default=function(f: fa_file): string { return ""; };
	};

	## Makes an analyser's files known to file analysis.
	global register_protocol: function(tag: Analyzer::Tag, reg: ProtoRegistration): bool;

	## Runs callback whenever an analyser of kind tag is attached (it may
	## change args).
	global register_analyzer_add_callback: function(tag: Files::Tag, callback: function(f: fa_file, args: AnalyzerArgs));

	## Attaches a file analyser; F when it could not be.
	global add_analyzer: function(f: fa_file, tag: Files::Tag, args: AnalyzerArgs &default=AnalyzerArgs()): bool;
	## Detaches one.
	global remove_analyzer: function(f: fa_file, tag: Files::Tag, args: AnalyzerArgs &default=AnalyzerArgs()): bool;
	## Stops analysing a file.
	global stop: function(f: fa_file): bool;
	## Changes how long a file may be idle.
	global set_timeout_interval: function(f: fa_file, t: interval): bool;
	## The name of a file analyser kind ("MD5").
	global analyzer_name: function(tag: Files::Tag): string;
	## Whether a file with this id is being analysed.
	global file_exists: function(fuid: string): bool;
	## The file with this id (while it is analysed).
	global lookup_file: function(fuid: string): fa_file;
	## Switches a file analyser kind on or off for all files.
	global enable_analyzer: function(tag: Files::Tag): bool;
	global disable_analyzer: function(tag: Files::Tag): bool;
	global analyzer_enabled: function(tag: Files::Tag): bool;
	## The registered protocol's description of a file.
	global describe: function(f: fa_file): string;

	## Fills f$info from f (made on first use).
	global set_info: function(f: fa_file);

	## Raised with each files.log record.
	global log_files: event(rec: Info);
}

redef record fa_file += {
	info: Info &optional;
};

global registered_protocols: table[Analyzer::Tag] of ProtoRegistration = table();
global analyzer_add_callbacks: table[Files::Tag] of function(f: fa_file, args: AnalyzerArgs) = table();

function set_info(f: fa_file)
	{
	if ( ! f?$info )
		{
		local tmp: Info = Info($ts=f$last_active, $fuid=f$id);
		f$info = tmp;
		}

	if ( f?$parent_id )
		f$info$parent_fuid = f$parent_id;
	if ( f?$source )
		f$info$source = f$source;
	f$info$duration = f$last_active - f$info$ts;
	f$info$seen_bytes = f$seen_bytes;
	if ( f?$total_bytes )
		f$info$total_bytes = f$total_bytes;
	f$info$missing_bytes = f$missing_bytes;
	f$info$overflow_bytes = f$overflow_bytes;
	if ( f?$is_orig )
		f$info$is_orig = f$is_orig;
	}

function register_protocol(tag: Analyzer::Tag, reg: ProtoRegistration): bool
	{
	local fresh = tag !in registered_protocols;
	registered_protocols[tag] = reg;
	return fresh;
	}

function register_analyzer_add_callback(tag: Files::Tag, callback: function(f: fa_file, args: AnalyzerArgs))
	{
	analyzer_add_callbacks[tag] = callback;
	}

function add_analyzer(f: fa_file, tag: Files::Tag, args: AnalyzerArgs): bool
	{
	if ( tag in analyzer_add_callbacks )
		analyzer_add_callbacks[tag](f, args);

	if ( ! __add_analyzer(f$id, tag, args) )
		{
		Reporter::warning(fmt("Analyzer %s not added successfully to file %s.", tag, f$id));
		return F;
		}

	set_info(f);
	add f$info$analyzers[Files::analyzer_name(tag)];
	return T;
	}

function remove_analyzer(f: fa_file, tag: Files::Tag, args: AnalyzerArgs): bool
	{
	return __remove_analyzer(f$id, tag, args);
	}

function stop(f: fa_file): bool
	{
	return __stop(f$id);
	}

function set_timeout_interval(f: fa_file, t: interval): bool
	{
	return __set_timeout_interval(f$id, t);
	}

function analyzer_name(tag: Files::Tag): string
	{
	return __analyzer_name(tag);
	}

function file_exists(fuid: string): bool
	{
	return __file_exists(fuid);
	}

function lookup_file(fuid: string): fa_file
	{
	return __lookup_file(fuid);
	}

function enable_analyzer(tag: Files::Tag): bool
	{
	return __enable_analyzer(tag);
	}

function disable_analyzer(tag: Files::Tag): bool
	{
	return __disable_analyzer(tag);
	}

function analyzer_enabled(tag: Files::Tag): bool
	{
	return __analyzer_enabled(tag);
	}

function describe(f: fa_file): string
	{
	local tag = Analyzer::get_tag(f$source);
	if ( tag !in registered_protocols )
		return "";
	return registered_protocols[tag]$describe(f);
	}

event zeek_init() &priority=5
	{
	Log::create_stream(Files::LOG, [$columns=Info, $ev=log_files, $path="files", $policy=log_policy]);
	}

# The engine asks for the handle of each new file; the protocol's
# registration makes it.
event get_file_handle(tag: Analyzer::Tag, c: connection, is_orig: bool) &priority=5
	{
	if ( tag !in registered_protocols )
		return;

	local handler = registered_protocols[tag];
	set_file_handle(handler$get_file_handle(c, is_orig));
	}

event file_new(f: fa_file) &priority=10
	{
	set_info(f);
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool) &priority=10
	{
	set_info(f);
	f$info$uid = c$uid;
	f$info$id = c$id;
	f$info$local_orig = Site::is_local_addr(f$is_orig ? c$id$orig_h : c$id$resp_h);
	}

event file_sniff(f: fa_file, meta: fa_metadata) &priority=10
	{
	set_info(f);
	if ( meta?$mime_type )
		f$info$mime_type = meta$mime_type;
	}

event file_timeout(f: fa_file) &priority=10
	{
	set_info(f);
	f$info$timedout = T;
	}

event file_state_remove(f: fa_file) &priority=10
	{
	set_info(f);
	}

# One line per connection that carried the file, as Zeek 5 and later
# write files.log (a file without connections gets one line).
event file_state_remove(f: fa_file) &priority=-10
	{
	if ( ! f?$conns || |f$conns| == 0 )
		{
		Log::write(Files::LOG, f$info);
		return;
		}

	for ( cid, c in f$conns )
		{
		f$info$uid = c$uid;
		f$info$id = cid;
		Log::write(Files::LOG, f$info);
		}
	}
