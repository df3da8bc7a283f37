##! The notice framework: scripts report noteworthy events with NOTICE(),
##! policy hooks decide what to do with them (log, alarm, e-mail, ignore),
##! and repeated notices about the same thing are suppressed for a while.

@load base/frameworks/logging
@load base/frameworks/cluster
@load base/utils/conn-ids

module Notice;

export {
	redef enum Log::ID += {
		LOG,		##< notice.log
		ALARM_LOG,	##< notice_alarm.log
	};

	## Policy hooks of the two logs.
	global log_policy: Log::PolicyHook;
	global log_policy_alarm: Log::PolicyHook;

	## Kinds of notices; every script adds its own.
	type Type: enum {
		Tally,	##< Summary of notices that were counted.
	};

	## What to do with a notice.
	type Action: enum {
		ACTION_NONE,	##< Nothing.
		ACTION_LOG,	##< Write it to notice.log.
		ACTION_EMAIL,	##< Send it by e-mail to mail_dest.
		ACTION_ALARM,	##< Write it to notice_alarm.log.
		ACTION_DROP,	##< Block the offending address.
	};

	## A set of actions.
	type ActionSet: set[Notice::Action];

	## How long a notice with an identifier suppresses its repeats.
	option default_suppression_interval = 1hrs;

	## One notice.
	type Info: record {
		## When it was raised (default: network time).
		ts: time &log &optional;
		## The connection's uid.
		uid: string &log &optional;
		## The connection's id.
		id: conn_id &log &optional;
		## The connection; fills uid, id, src, dst, p and proto.
		conn: connection &optional;
		## The file; fills fuid, file_mime_type and file_desc.
		f: fa_file &optional;
		## File id.
		fuid: string &log &optional;
		## File MIME type.
		file_mime_type: string &log &optional;
		## File description (e.g. its URL).
		file_desc: string &log &optional;
		## Transport protocol (from p).
		proto: transport_proto &log &optional;
		## The kind of notice.
		note: Type &log;
		## Human-readable message.
		msg: string &log &optional;
		## Further detail.
		sub: string &log &optional;
		## Source address.
		src: addr &log &optional;
		## Destination address.
		dst: addr &log &optional;
		## Port.
		p: port &log &optional;
		## A count that goes with the notice.
		n: count &log &optional;
		## Name of the node that raised it.
		peer_name: string &optional;
		## Description of that node.
		peer_descr: string &log &optional;
		## What was done with it.
		actions: ActionSet &log &default=ActionSet();
		## Where it was e-mailed.
		email_dest: set[string] &log &default=set();
		## Extra text for e-mails.
		email_body_sections: vector of string &default=vector();
		## Tokens that delay an e-mail until extensions have run.
		email_delay_tokens: set[string] &optional;
		## Identifies what the notice is about; notices with the same type
		## and identifier are suppressed for suppress_for.
		identifier: string &optional;
		## How long to suppress repeats.
		suppress_for: interval &log &default=default_suppression_interval;
	};

	## Types whose notices are dropped.
	option ignored_types: set[Notice::Type] = {};
	## Types whose notices are e-mailed.
	option emailed_types: set[Notice::Type] = {};
	## Types whose notices are alarms.
	option alarmed_types: set[Notice::Type] = {};
	## Types whose notices are never suppressed.
	option not_suppressed_types: set[Notice::Type] = {};
	## Suppression interval per type, overriding suppress_for.
	const type_suppression_intervals: table[Notice::Type] of interval = {} &redef;

	## E-mail settings.
	option mail_dest = "";
	option mail_from = "Zeek <zeek@localhost>";
	option reply_to = "";
	option mail_subject_prefix = "[Zeek]";
	option sendmail = "/usr/sbin/sendmail";
	option max_email_delay = 15secs;

	## Decides what to do with a notice (adds actions, changes fields);
	## a `break` stops the remaining policy handlers.
	global policy: hook(n: Notice::Info);

	## Carries out a notice's actions (logging, alarms, e-mail).
	global notice: hook(n: Notice::Info);

	## Raised for a notice that was suppressed.
	global suppressed: event(n: Notice::Info);

	## Starts suppressing a note/identifier pair.
	global begin_suppression: event(ts: time, suppress_for: interval, note: Type, identifier: string);

	## Raised with every notice.log record.
	global log_notice: event(rec: Info);

	## Whether a notice is being suppressed.
	global is_being_suppressed: function(n: Notice::Info): bool;

	## Fills a notice's defaults and runs the policy and notice hooks;
	## NOTICE() calls it for notices that are not suppressed.
	global internal_NOTICE: function(n: Notice::Info);

	## Fills a notice's fields from its connection, file and port.
	global populate_fields: function(n: Notice::Info);

	## Sends a notice by e-mail.
	global email_notice_to: function(n: Notice::Info, dest: string, extend: bool);
}

# Keeps a suppression entry until its end time has passed.
function suppression_remaining(t: table[Type, string] of time, note: Type, identifier: string): interval
	{
	local remaining = t[note, identifier] - network_time();
	return remaining > 0secs ? remaining : 0secs;
	}

# Suppression end time per note and identifier. Entries are checked on the
# first expiry sweep and kept for as long as their suppression lasts.
global suppressing: table[Type, string] of time = {}
	&create_expire=0secs &expire_func=suppression_remaining;

function is_being_suppressed(n: Notice::Info): bool
	{
	if ( ! n?$identifier )
		return F;

	if ( [n$note, n$identifier] !in suppressing )
		return F;

	return network_time() < suppressing[n$note, n$identifier];
	}

event begin_suppression(ts: time, suppress_for: interval, note: Type, identifier: string)
	{
	suppressing[note, identifier] = ts + suppress_for;
	}

function populate_fields(n: Notice::Info)
	{
	if ( ! n?$ts )
		n$ts = network_time();

	if ( n?$f )
		{
		if ( ! n?$fuid )
			n$fuid = n$f$id;

		if ( ! n?$file_desc && n$f?$source )
			n$file_desc = n$f$source;
		}

	if ( n?$conn )
		{
		if ( ! n?$id )
			n$id = n$conn$id;

		if ( ! n?$uid )
			n$uid = n$conn$uid;
		}

	if ( n?$id )
		{
		if ( ! n?$src )
			n$src = n$id$orig_h;

		if ( ! n?$dst )
			n$dst = n$id$resp_h;

		if ( ! n?$p )
			n$p = n$id$resp_p;
		}

	if ( n?$p && ! n?$proto )
		n$proto = get_port_transport_proto(n$p);

	if ( ! n?$email_delay_tokens )
		n$email_delay_tokens = set();

	if ( Cluster::is_enabled() && ! n?$peer_name )
		n$peer_name = Cluster::node;

	if ( n?$peer_name && ! n?$peer_descr )
		n$peer_descr = n$peer_name;
	}

function internal_NOTICE(n: Notice::Info)
	{
	populate_fields(n);
	hook Notice::policy(n);
	hook Notice::notice(n);
	}

# The base policy: ignore, log, alarm and e-mail by type, and the per-type
# suppression intervals.
hook Notice::policy(n: Notice::Info) &priority=10
	{
	if ( n$note in ignored_types )
		break;

	add n$actions[ACTION_LOG];

	if ( n$note in type_suppression_intervals )
		n$suppress_for = type_suppression_intervals[n$note];

	if ( n$note in not_suppressed_types )
		n$suppress_for = 0secs;

	if ( n$note in alarmed_types )
		add n$actions[ACTION_ALARM];

	if ( n$note in emailed_types )
		add n$actions[ACTION_EMAIL];
	}

# Carry out the actions, then start suppressing repeats.
hook Notice::notice(n: Notice::Info) &priority=-5
	{
	if ( ACTION_LOG in n$actions )
		Log::write(Notice::LOG, n);

	if ( ACTION_ALARM in n$actions )
		Log::write(Notice::ALARM_LOG, n);

	if ( ACTION_EMAIL in n$actions && mail_dest != "" )
		{
		add n$email_dest[mail_dest];
		email_notice_to(n, mail_dest, T);
		}

	if ( n?$identifier && n$suppress_for != 0secs &&
	     ! is_being_suppressed(n) )
		{
		# Suppress right away, so that a repeat raised by the same event
		# is caught too; the event tells other nodes.
		suppressing[n$note, n$identifier] = n$ts + n$suppress_for;
		event Notice::begin_suppression(n$ts, n$suppress_for, n$note, n$identifier);
		}
	}

function email_notice_to(n: Notice::Info, dest: string, extend: bool)
	{
	# Mail is never sent while reading traces.
	if ( reading_traces() || dest == "" )
		return;

	local subject = fmt("%s %s", mail_subject_prefix, n$note);
	local body = fmt("From: %s\nTo: %s\nSubject: %s\n", mail_from, dest, subject);

	if ( reply_to != "" )
		body += fmt("Reply-To: %s\n", reply_to);

	body += "\n";

	if ( n?$msg )
		body += fmt("Message: %s\n", n$msg);

	if ( n?$sub )
		body += fmt("Sub-message: %s\n", n$sub);

	if ( n?$id )
		body += fmt("Connection: %s\n", id_string(n$id));

	for ( i, section in n$email_body_sections )
		body += "\n" + section + "\n";

	piped_exec(fmt("%s -t -oi", sendmail), body);
	}

event zeek_init() &priority=5
	{
	Log::create_stream(Notice::LOG, [$columns=Info, $ev=log_notice, $path="notice",
	                                 $policy=log_policy]);
	Log::create_stream(Notice::ALARM_LOG, [$columns=Info, $path="notice_alarm",
	                                       $policy=log_policy_alarm]);
	}

module GLOBAL;

## Raises a notice unless a notice with the same type and identifier is
## being suppressed.
function NOTICE(n: Notice::Info)
	{
	if ( Notice::is_being_suppressed(n) )
		{
		event Notice::suppressed(n);
		return;
		}

	Notice::internal_NOTICE(n);
	}
