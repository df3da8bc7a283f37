##! Writes the reporter's messages (informational, warnings, errors) to
##! reporter.log.

@load base/frameworks/logging

module Reporter;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of reporter.log.
	global log_policy: Log::PolicyHook;

	## One reporter message.
	type Info: record {
		ts: time &log;	##< When it was reported.
		level: Level &log;	##< How severe it is.
		message: string &log;	##< The message.
		location: string &log &optional;	##< Script location, if any.
	};
}

event zeek_init() &priority=5
	{
	Log::create_stream(Reporter::LOG, [$columns=Info, $path="reporter", $policy=log_policy]);
	}

event reporter_info(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=INFO, $message=msg, $location=location]);
	}

event reporter_warning(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=WARNING, $message=msg, $location=location]);
	}

event reporter_error(t: time, msg: string, location: string) &priority=-5
	{
	Log::write(Reporter::LOG, [$ts=t, $level=ERROR, $message=msg, $location=location]);
	}
