##! ntp.log: one record per NTP time message (modes 1 to 5) of either
##! side, with the header fields the message carries. Control (mode 6)
##! and private (mode 7) messages are kept in c$ntp but not logged.

@load base/frameworks/logging
@load base/frameworks/analyzer

module NTP;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of ntp.log.
	global log_policy: Log::PolicyHook;

	## One ntp.log record.
	type Info: record {
		## When the message was seen.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's id.
		id: conn_id &log;
		## The protocol version (1 to 4).
		version: count &log;
		## The mode (see NTP::modes).
		mode: count &log;
		## The sender's stratum: 0 unspecified, 1 a reference clock,
		## above that the number of hops from one.
		stratum: count &log;
		## Longest interval between the sender's messages.
		poll: interval &log;
		## Precision of the sender's clock.
		precision: interval &log;
		## Round-trip delay to the reference clock.
		root_delay: interval &log;
		## Dispersion to the reference clock.
		root_disp: interval &log;
		## The reference id: for stratum 0 the kiss code, for stratum 1
		## the reference clock's name, above that the IPv4 address of
		## the server synchronised to (for an IPv6 server, the first
		## four bytes of the MD5 hash of its address, so not
		## necessarily an address at all).
		ref_id: string &log;
		## When the sender's clock was last set.
		ref_time: time &log;
		## The client's time when the request left.
		org_time: time &log;
		## The server's time when the request arrived.
		rec_time: time &log;
		## The sender's time when this message left.
		xmt_time: time &log;
		## Number of extension fields (they are not parsed).
		num_exts: count &log &default=0;
	};

	## The analyzer's ports.
	const ports = { 123/udp } &redef;

	## Raised with every ntp.log record.
	global log_ntp: event(rec: Info);
}

redef record connection += {
	## The connection's latest NTP message.
	ntp: Info &optional;
};

redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(NTP::LOG, [$columns=Info, $ev=log_ntp, $path="ntp",
	                              $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_NTP, ports);
	}

# The reference id as ntp.log shows it: which of the three forms is set
# follows the stratum.
function ref_id_text(m: NTP::StandardMessage): string
	{
	if ( m?$kiss_code )
		return m$kiss_code;
	if ( m?$ref_id )
		return m$ref_id;
	return cat(m$ref_addr);
	}

# Every message replaces c$ntp, so handlers see the latest.
event ntp_message(c: connection, is_orig: bool, msg: NTP::Message) &priority=5
	{
	if ( msg?$std_msg )
		{
		local m = msg$std_msg;
		c$ntp = Info($ts=network_time(), $uid=c$uid, $id=c$id,
		             $version=msg$version, $mode=msg$mode,
		             $stratum=m$stratum, $poll=m$poll, $precision=m$precision,
		             $root_delay=m$root_delay, $root_disp=m$root_disp,
		             $ref_id=ref_id_text(m), $ref_time=m$ref_time,
		             $org_time=m$org_time, $rec_time=m$rec_time,
		             $xmt_time=m$xmt_time, $num_exts=m$num_exts);
		return;
		}

	# Modes 0, 6 and 7 have no time fields: they stay unset (a local
	# record starts empty).
	local info: Info &is_assigned;
	info$ts = network_time();
	info$uid = c$uid;
	info$id = c$id;
	info$version = msg$version;
	info$mode = msg$mode;
	c$ntp = info;
	}

# Logged last, after other handlers had their say; control and private
# messages are not time messages and stay out of the log.
event ntp_message(c: connection, is_orig: bool, msg: NTP::Message) &priority=-5
	{
	if ( c?$ntp && msg$mode <= 5 )
		Log::write(NTP::LOG, c$ntp);
	}
