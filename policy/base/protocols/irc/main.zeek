##! irc.log: the client's NICK, USER and JOIN commands, one record each
##! (one per channel for JOIN), with the nick and user the session had
##! when the command came.

@load base/frameworks/logging
@load base/frameworks/analyzer

module IRC;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of irc.log.
	global log_policy: Log::PolicyHook;

	type Info: record {
		## When the command was seen.
		ts:       time        &log;
		## The connection's unique id.
		uid:      string      &log;
		## The connection's endpoints.
		id:       conn_id     &log;
		## The nick the client had taken before this command.
		nick:     string      &log &optional;
		## The user name the client had given before this command.
		user:     string      &log &optional;
		## The command.
		command:  string      &log &optional;
		## Its main argument (the new nick, the user name, the channel).
		value:    string      &log &optional;
		## The rest (USER's host, server and real name; a channel key).
		addl:     string      &log &optional;
	};

	## Raised with each irc.log record as it is written.
	global irc_log: event(rec: Info);

	## The ports the IRC analyser starts on.
	const ports = { 6666/tcp, 6667/tcp, 6668/tcp, 6669/tcp } &redef;
}

redef record connection += {
	## The connection's IRC session.
	irc: Info &optional;
};

redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(IRC::LOG, [$columns=Info, $ev=irc_log, $path="irc", $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_IRC, ports);
	}

# set_session makes the connection's session record on first use and
# stamps it with the time of the command at hand.
function set_session(c: connection)
	{
	if ( ! c?$irc )
		c$irc = Info($ts=network_time(), $uid=c$uid, $id=c$id);

	c$irc$ts = network_time();
	}

event irc_nick_message(c: connection, is_orig: bool, who: string, newnick: string) &priority=5
	{
	set_session(c);
	if ( is_orig )
		{
		c$irc$command = "NICK";
		c$irc$value = newnick;
		}
	}

# The record is written with the nick from before the change; the new one
# shows from the next record on.
event irc_nick_message(c: connection, is_orig: bool, who: string, newnick: string) &priority=-5
	{
	if ( ! is_orig )
		return;

	Log::write(IRC::LOG, c$irc);
	c$irc$nick = newnick;
	}

event irc_user_message(c: connection, is_orig: bool, user: string, host: string, server: string, real_name: string) &priority=5
	{
	set_session(c);
	if ( is_orig )
		{
		c$irc$command = "USER";
		c$irc$value = user;
		c$irc$addl = fmt("%s %s %s", host, server, real_name);
		}
	}

event irc_user_message(c: connection, is_orig: bool, user: string, host: string, server: string, real_name: string) &priority=-5
	{
	if ( ! is_orig )
		return;

	Log::write(IRC::LOG, c$irc);
	c$irc$user = user;
	}

event irc_join_message(c: connection, is_orig: bool, info_list: irc_join_list) &priority=5
	{
	set_session(c);
	if ( is_orig )
		c$irc$command = "JOIN";
	}

event irc_join_message(c: connection, is_orig: bool, info_list: irc_join_list) &priority=-5
	{
	if ( ! is_orig )
		return;

	for ( l in info_list )
		{
		c$irc$value = l$channel;
		c$irc$addl = l$password != "" ? fmt(" with channel key: '%s'", l$password) : "";
		Log::write(IRC::LOG, c$irc);
		}
	}
