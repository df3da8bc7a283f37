##! dns.log: one record per DNS query and its reply, matched by transaction
##! id; unanswered queries and unsolicited replies are logged too.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/protocols/conn/removal-hooks
@load ./consts

module DNS;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of dns.log.
	global log_policy: Log::PolicyHook;

	## One dns.log record.
	type Info: record {
		## Time of the query (or of the reply, without a query).
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's id.
		id: conn_id &log;
		## Transport protocol.
		proto: transport_proto &log;
		## Transaction id.
		trans_id: count &log &optional;
		## Time from query to reply.
		rtt: interval &log &optional;
		## The name queried.
		query: string &log &optional;
		## Query class.
		qclass: count &log &optional;
		qclass_name: string &log &optional;
		## Query type.
		qtype: count &log &optional;
		qtype_name: string &log &optional;
		## Response code.
		rcode: count &log &optional;
		rcode_name: string &log &optional;
		## Header flags of the reply (RD from the query).
		AA: bool &log &default=F;
		TC: bool &log &default=F;
		RD: bool &log &default=F;
		RA: bool &log &default=F;
		## Reserved header bits.
		Z: count &log &default=0;
		## Answers of the reply, rendered.
		answers: vector of string &log &optional;
		## TTLs of the answers.
		TTLs: vector of interval &log &optional;
		## Whether the server rejected the query.
		rejected: bool &log &default=F;
		## Number of answers seen so far.
		total_answers: count &optional;
		## Number of answers the reply announced.
		total_replies: count &optional;
		## Whether the query and reply were seen.
		saw_query: bool &default=F;
		saw_reply: bool &default=F;
		## Opcode of the message.
		opcode: count &log &optional;
		opcode_name: string &log &optional;
	};

	## Raised with every dns.log record.
	global log_dns: event(rec: Info);

	## Queries and replies waiting for their other half.
	type State: record {
		pending_queries: table[count] of vector of Info;
		pending_replies: table[count] of vector of Info;
	};

	## Ports of the DNS analyzer.
	const ports = { 53/udp, 53/tcp, 137/udp, 5353/udp, 5355/udp } &redef;
}

redef record connection += {
	## The DNS record being filled.
	dns: Info &optional;
	## Pending queries and replies.
	dns_state: State &optional;
};

redef likely_server_ports += ports;

# Takes the oldest record of a queue.
function dequeue(q: table[count] of vector of Info, id: count): Info
	{
	local v = q[id];
	local first = v[0];

	if ( |v| == 1 )
		delete q[id];
	else
		q[id] = v[1:];

	return first;
	}

function new_info(c: connection, msg: dns_msg): Info
	{
	local info = Info($ts=network_time(), $uid=c$uid, $id=c$id,
	                  $proto=get_port_transport_proto(c$id$resp_p),
	                  $trans_id=msg$id);
	info$opcode = msg$opcode;
	info$opcode_name = msg$is_netbios ? netbios_opcodes[msg$opcode] : opcodes[msg$opcode];
	return info;
	}

hook finalize_dns(c: connection)
	{
	if ( ! c?$dns_state )
		return;

	# Log what never found its other half.
	for ( id, infos in c$dns_state$pending_queries )
		for ( i, info in infos )
			Log::write(DNS::LOG, info);

	for ( id, infos in c$dns_state$pending_replies )
		for ( i, info in infos )
			Log::write(DNS::LOG, info);

	delete c$dns_state;
	}

# Points c$dns at the record for this message: a new one for a query, the
# matching query's for a reply.
function set_session(c: connection, msg: dns_msg, is_query: bool)
	{
	if ( ! c?$dns_state )
		{
		c$dns_state = State($pending_queries=table(), $pending_replies=table());
		Conn::register_removal_hook(c, finalize_dns);
		}

	local st = c$dns_state;

	if ( is_query )
		{
		local q = new_info(c, msg);

		if ( msg$id !in st$pending_queries )
			st$pending_queries[msg$id] = vector();

		st$pending_queries[msg$id] += q;
		c$dns = q;
		return;
		}

	if ( msg$id in st$pending_queries )
		c$dns = dequeue(st$pending_queries, msg$id);
	else
		c$dns = new_info(c, msg);

	c$dns$saw_reply = T;
	c$dns$total_replies = msg$num_answers + msg$num_addl + msg$num_auth;
	}

event dns_message(c: connection, is_orig: bool, msg: dns_msg, len: count) &priority=5
	{
	set_session(c, msg, ! msg$QR);
	}

event dns_request(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count, original_query: string) &priority=5
	{
	c$dns$saw_query = T;
	c$dns$RD = msg$RD;
	c$dns$TC = msg$TC;
	c$dns$qclass = qclass;
	c$dns$qclass_name = classes[qclass];
	c$dns$qtype = qtype;
	c$dns$qtype_name = query_types[qtype];
	c$dns$Z = msg$Z;

	# Names in NetBIOS queries are encoded; keep the decoded form.
	if ( query != "" )
		c$dns$query = query;
	}

event dns_query_reply(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count, original_query: string) &priority=5
	{
	if ( ! c$dns?$query && query != "" )
		{
		c$dns$query = query;
		c$dns$qclass = qclass;
		c$dns$qclass_name = classes[qclass];
		c$dns$qtype = qtype;
		c$dns$qtype_name = query_types[qtype];
		}
	}

event dns_rejected(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count, original_query: string) &priority=5
	{
	if ( c?$dns )
		c$dns$rejected = T;
	}

# Adds one answer to the record.
function do_reply(c: connection, msg: dns_msg, ans: dns_answer, reply: string)
	{
	if ( ! c?$dns )
		return;

	if ( ans$answer_type != DNS_ANS )
		return;

	if ( ! c$dns?$query && ans$query != "" )
		c$dns$query = ans$query;

	c$dns$AA = msg$AA;
	c$dns$RA = msg$RA;

	if ( ! c$dns?$answers )
		c$dns$answers = vector();

	if ( ! c$dns?$TTLs )
		c$dns$TTLs = vector();

	c$dns$answers += reply;
	c$dns$TTLs += ans$TTL;
	c$dns$total_answers = |c$dns$answers|;
	}

event dns_A_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr) &priority=5
	{
	do_reply(c, msg, ans, fmt("%s", a));
	}

event dns_AAAA_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr) &priority=5
	{
	do_reply(c, msg, ans, fmt("%s", a));
	}

event dns_A6_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr) &priority=5
	{
	do_reply(c, msg, ans, fmt("%s", a));
	}

event dns_CNAME_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string) &priority=5
	{
	do_reply(c, msg, ans, name);
	}

event dns_PTR_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string) &priority=5
	{
	do_reply(c, msg, ans, name);
	}

event dns_NS_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string) &priority=5
	{
	do_reply(c, msg, ans, name);
	}

event dns_MX_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string, preference: count) &priority=5
	{
	do_reply(c, msg, ans, name);
	}

event dns_TXT_reply(c: connection, msg: dns_msg, ans: dns_answer, strs: string_vec) &priority=5
	{
	local parts: string_vec = vector();

	for ( i, s in strs )
		parts += fmt("TXT %d %s", |s|, s);

	do_reply(c, msg, ans, join_string_vec(parts, " "));
	}

event dns_SPF_reply(c: connection, msg: dns_msg, ans: dns_answer, strs: string_vec) &priority=5
	{
	local parts: string_vec = vector();

	for ( i, s in strs )
		parts += fmt("SPF %d %s", |s|, s);

	do_reply(c, msg, ans, join_string_vec(parts, " "));
	}

event dns_SOA_reply(c: connection, msg: dns_msg, ans: dns_answer, soa: dns_soa) &priority=5
	{
	do_reply(c, msg, ans, soa$mname);
	}

event dns_SRV_reply(c: connection, msg: dns_msg, ans: dns_answer, target: string, priority: count, weight: count, p: count) &priority=5
	{
	do_reply(c, msg, ans, target);
	}

event dns_CAA_reply(c: connection, msg: dns_msg, ans: dns_answer, flags: count, tag: string, value: string) &priority=5
	{
	do_reply(c, msg, ans, fmt("CAA %d %s %s", flags, tag, value));
	}

event dns_HINFO_reply(c: connection, msg: dns_msg, ans: dns_answer, cpu: string, os: string) &priority=5
	{
	do_reply(c, msg, ans, fmt("HINFO %s %s", cpu, os));
	}

event dns_WKS_reply(c: connection, msg: dns_msg, ans: dns_answer) &priority=5
	{
	do_reply(c, msg, ans, "");
	}

event dns_end(c: connection, msg: dns_msg) &priority=5
	{
	if ( ! c?$dns || ! msg$QR )
		return;

	# The reply's header fills the record.
	c$dns$rcode = msg$rcode;
	c$dns$rcode_name = base_errors[msg$rcode];
	c$dns$AA = msg$AA;
	c$dns$TC = msg$TC;
	c$dns$RA = msg$RA;

	if ( c$dns$saw_query && ! c$dns?$rtt )
		c$dns$rtt = network_time() - c$dns$ts;
	}

event dns_end(c: connection, msg: dns_msg) &priority=-5
	{
	if ( ! c?$dns || ! msg$QR )
		return;

	Log::write(DNS::LOG, c$dns);
	delete c$dns;
	}

event zeek_init() &priority=5
	{
	Log::create_stream(DNS::LOG, [$columns=Info, $ev=log_dns, $path="dns",
	                              $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_DNS, ports);
	}
