##! The configuration framework: logs every change of an `option` to
##! config.log. Options are changed with Option::set (a built-in function)
##! or Config::set_value.

@load base/frameworks/logging

module Config;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of config.log.
	global log_policy: Log::PolicyHook;

	## One option change.
	type Info: record {
		ts: time &log;	##< When the change happened.
		id: string &log;	##< The option's name.
		old_value: string &log;	##< Its previous value, rendered.
		new_value: string &log;	##< Its new value, rendered.
		location: string &log &optional;	##< Who changed it.
	};

	## Raised with every config.log record.
	global log_config: event(rec: Info);

	## Files with option values to read (the CONFIG input reader).
	const config_files: set[string] = {} &redef;

	## Changes an option; the same as Option::set.
	global set_value: function(ID: string, val: any, location: string &default=""): bool;
}

function set_value(ID: string, val: any, location: string): bool
	{
	return Option::set(ID, val, location);
	}

# Change handler registered for every option: logs the change and lets the
# new value through unchanged.
function config_option_changed(ID: string, new_value: any, location: string): any
	{
	local rec = Info($ts=network_time(), $id=ID,
	                 $old_value=cat(lookup_ID(ID)), $new_value=cat(new_value));

	if ( location != "" )
		rec$location = location;

	Log::write(LOG, rec);
	return new_value;
	}

event zeek_init() &priority=10
	{
	Log::create_stream(LOG, [$columns=Info, $ev=log_config, $path="config", $policy=log_policy]);

	# Run last, so that the logged value is the one actually set.
	for ( opt in global_options() )
		Option::set_change_handler(opt, config_option_changed, -100);
	}
