##! dns.log: one line per DNS query and its reply, matched by transaction
##! id on the connection; unanswered queries and unsolicited replies are
##! logged too, when the connection goes. Messages to a multicast group
##! (mDNS, LLMNR) are answered on other connections, so each is logged on
##! its own at once.

@load base/frameworks/logging
@load base/frameworks/analyzer
@load base/protocols/conn/removal-hooks
@load ./consts

module DNS;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of dns.log.
	global log_policy: Log::PolicyHook;

	## One dns.log line.
	type Info: record {
		## Time of the first message of the exchange.
		ts: time &log;
		## The connection's uid.
		uid: string &log;
		## The connection's endpoints.
		id: conn_id &log;
		## The transport protocol.
		proto: transport_proto &log;
		## The transaction id that pairs a reply with its query.
		trans_id: count &log &optional;
		## Time from the query to the first answer of its reply.
		rtt: interval &log &optional;
		## The name asked for.
		query: string &log &optional;
		## The query's class, and its name.
		qclass: count &log &optional;
		qclass_name: string &log &optional;
		## The query's type, and its name.
		qtype: count &log &optional;
		qtype_name: string &log &optional;
		## The reply's response code, and its name.
		rcode: count &log &optional;
		rcode_name: string &log &optional;
		## Authoritative answer (from a reply with answers).
		AA: bool &log &default=F;
		## Truncated (from the query).
		TC: bool &log &default=F;
		## Recursion desired (from the query).
		RD: bool &log &default=F;
		## Recursion available (from a reply with answers).
		RA: bool &log &default=F;
		## The three reserved header bits of the query.
		Z: count &log &default=0;
		## The reply's answers, each summarised as a string.
		answers: vector of string &log &optional;
		## The answers' TTLs.
		TTLs: vector of interval &log &optional;
		## The server rejected the query.
		rejected: bool &log &default=F;
		## How many records the reply's answer section holds.
		total_answers: count &optional;
		## How many records the reply holds in all sections.
		total_replies: count &optional;
		## Whether the query, and the reply, were seen whole.
		saw_query: bool &default=F;
		saw_reply: bool &default=F;
		## The message's opcode, and its name.
		opcode: count &log &optional;
		opcode_name: string &log &optional;
	};

	## Raised with every dns.log line.
	global log_dns: event(rec: Info);

	## Called by the dns_*_reply handlers with a summary of one record;
	## an answer's summary joins the line's answers.
	global do_reply: hook(c: connection, msg: dns_msg, ans: dns_answer, reply: string);

	## Called for every message to find its line: a new one, or the one
	## of the query (or reply) it pairs with.
	global set_session: hook(c: connection, msg: dns_msg, is_query: bool);

	## Lines waiting for their other half, by transaction id, oldest
	## first.
	type PendingMessages: table[count] of vector of Info;

	## More unmatched messages than this for one transaction id: they are
	## logged and forgotten.
	option max_pending_msgs = 50;

	## Unmatched messages under more transaction ids than this: they are
	## all logged and forgotten.
	option max_pending_query_ids = 50;

	## A connection's unmatched queries and replies.
	type State: record {
		## The oldest unanswered query (kept apart because it is
		## usually the only one).
		pending_query: Info &optional;
		## Further unanswered queries.
		pending_queries: PendingMessages &optional;
		## Replies whose query was not seen.
		pending_replies: PendingMessages &optional;
	};

	## The DNS analyser's ports.
	const ports = { 53/udp, 53/tcp, 137/udp, 5353/udp, 5355/udp } &redef;
}

redef record connection += {
	## The line of the message being analysed.
	dns: Info &optional;
	## Unmatched messages.
	dns_state: State &optional;
};

redef likely_server_ports += { ports };

event zeek_init() &priority=5
	{
	Log::create_stream(DNS::LOG, [$columns=Info, $ev=log_dns, $path="dns", $policy=log_policy]);
	Analyzer::register_for_ports(Analyzer::ANALYZER_DNS, ports);
	}

function new_session(c: connection, msg: dns_msg): Info
	{
	local info = Info($ts=network_time(), $uid=c$uid, $id=c$id,
	                  $proto=get_port_transport_proto(c$id$resp_p), $trans_id=msg$id);
	info$opcode = msg$opcode;
	info$opcode_name = msg$is_netbios ? netbios_opcodes[msg$opcode] : opcodes[msg$opcode];
	return info;
	}

# A multicast group sends no replies: its messages pair with nothing.
function to_multicast(c: connection): bool
	{
	return c$id$resp_h in 224.0.0.0/4 || c$id$resp_h in [ff00::]/8;
	}

function log_queue(q: vector of Info)
	{
	for ( i in q )
		Log::write(DNS::LOG, q[i]);
	}

function log_all(msgs: PendingMessages)
	{
	for ( trans_id, q in msgs )
		log_queue(q);

	clear_table(msgs);
	}

function enqueue(msgs: PendingMessages, id: count, info: Info)
	{
	if ( id !in msgs )
		{
		if ( |msgs| > max_pending_query_ids )
			log_all(msgs);

		msgs[id] = vector();
		}
	else if ( |msgs[id]| > max_pending_msgs )
		{
		log_queue(msgs[id]);
		msgs[id] = vector();
		}

	msgs[id] += info;
	}

# Takes the oldest line of a transaction id's queue.
function dequeue(msgs: PendingMessages, id: count): Info
	{
	local q = msgs[id];
	local first = q[0];

	if ( |q| == 1 )
		delete msgs[id];
	else
		msgs[id] = q[1:];

	return first;
	}

function has_pending(msgs: PendingMessages, id: count): bool
	{
	return id in msgs && |msgs[id]| > 0;
	}

# Logs what a connection leaves unmatched when it goes. (Zeek runs this
# as a Conn removal hook; calling a hook held in a set does not work in
# gobro yet, so the connection_state_remove handler below runs it at the
# removal hooks' priority.)
function finalize_dns(c: connection)
	{
	if ( ! c?$dns_state )
		return;

	local st = c$dns_state;

	if ( st?$pending_query )
		Log::write(DNS::LOG, st$pending_query);

	if ( st?$pending_queries )
		log_all(st$pending_queries);

	if ( st?$pending_replies )
		log_all(st$pending_replies);
	}

hook set_session(c: connection, msg: dns_msg, is_query: bool) &priority=5
	{
	if ( to_multicast(c) )
		c$dns = new_session(c, msg);
	else
		{
		if ( ! c?$dns_state )
			c$dns_state = State();

		local st = c$dns_state;

		if ( is_query )
			{
			if ( st?$pending_replies && has_pending(st$pending_replies, msg$id) )
				c$dns = dequeue(st$pending_replies, msg$id);
			else
				{
				c$dns = new_session(c, msg);

				if ( ! st?$pending_query )
					st$pending_query = c$dns;
				else
					{
					if ( ! st?$pending_queries )
						st$pending_queries = table();

					enqueue(st$pending_queries, msg$id, c$dns);
					}
				}
			}
		else if ( st?$pending_query && st$pending_query$trans_id == msg$id )
			{
			c$dns = st$pending_query;
			delete st$pending_query;

			# Refill the fast path, keeping queries in arrival order:
			# another of this id first, else any waiting one.
			if ( st?$pending_queries )
				{
				if ( has_pending(st$pending_queries, msg$id) )
					st$pending_query = dequeue(st$pending_queries, msg$id);
				else
					{
					for ( tid, q in st$pending_queries )
						{
						if ( |q| > 0 )
							{
							st$pending_query = dequeue(st$pending_queries, tid);
							break;
							}
						}
					}
				}
			}
		else if ( st?$pending_queries && has_pending(st$pending_queries, msg$id) )
			c$dns = dequeue(st$pending_queries, msg$id);
		else
			{
			c$dns = new_session(c, msg);

			if ( ! st?$pending_replies )
				st$pending_replies = table();

			enqueue(st$pending_replies, msg$id, c$dns);
			}
		}

	if ( ! is_query )
		{
		c$dns$rcode = msg$rcode;
		c$dns$rcode_name = base_errors[msg$rcode];

		if ( ! c$dns?$total_answers )
			c$dns$total_answers = msg$num_answers;

		if ( ! c$dns?$total_replies )
			c$dns$total_replies = msg$num_answers + msg$num_addl + msg$num_auth;

		if ( msg$rcode != 0 && msg$num_queries == 0 )
			c$dns$rejected = T;
		}
	}

event dns_message(c: connection, is_orig: bool, msg: dns_msg, len: count) &priority=5
	{
	hook set_session(c, msg, ! msg$QR);
	}

hook do_reply(c: connection, msg: dns_msg, ans: dns_answer, reply: string) &priority=5
	{
	# Records in a query are not answers to track.
	if ( ! msg$QR || ans$answer_type != DNS_ANS )
		return;

	if ( ! c$dns?$query )
		c$dns$query = ans$query;

	c$dns$AA = msg$AA;
	c$dns$RA = msg$RA;

	if ( ! c$dns?$rtt )
		{
		c$dns$rtt = network_time() - c$dns$ts;
		# No time passed: there was no query, only this reply.
		if ( c$dns$rtt == 0secs )
			delete c$dns$rtt;
		}

	if ( reply != "" )
		{
		if ( ! c$dns?$answers )
			c$dns$answers = vector();
		c$dns$answers += reply;

		if ( ! c$dns?$TTLs )
			c$dns$TTLs = vector();
		c$dns$TTLs += ans$TTL;
		}
	}

event dns_end(c: connection, msg: dns_msg) &priority=5
	{
	if ( ! c?$dns )
		return;

	if ( msg$QR )
		c$dns$saw_reply = T;
	else
		c$dns$saw_query = T;
	}

event dns_end(c: connection, msg: dns_msg) &priority=-5
	{
	if ( ! c?$dns )
		return;

	if ( (c$dns$saw_reply && c$dns$saw_query) || to_multicast(c) )
		{
		Log::write(DNS::LOG, c$dns);
		delete c$dns;
		}
	}

event dns_request(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count) &priority=5
	{
	c$dns$RD = msg$RD;
	c$dns$TC = msg$TC;
	c$dns$qclass = qclass;
	c$dns$qclass_name = classes[qclass];
	c$dns$qtype = qtype;
	c$dns$qtype_name = query_types[qtype];
	c$dns$Z = msg$Z;

	# NetBIOS names come encoded; type 33 there is NBSTAT, not SRV.
	if ( c$id$resp_p == 137/udp )
		{
		query = decode_netbios_name(query);
		if ( c$dns$qtype_name == "SRV" )
			c$dns$qtype_name = "NBSTAT";
		}

	c$dns$query = query;
	}

event dns_rejected(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count) &priority=5
	{
	if ( c?$dns )
		c$dns$rejected = T;
	}

event dns_unknown_reply(c: connection, msg: dns_msg, ans: dns_answer) &priority=5
	{
	hook do_reply(c, msg, ans, fmt("<unknown type=%s>", ans$qtype));
	}

event dns_A_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr) &priority=5
	{
	hook do_reply(c, msg, ans, fmt("%s", a));
	}

event dns_AAAA_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr) &priority=5
	{
	hook do_reply(c, msg, ans, fmt("%s", a));
	}

event dns_A6_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr) &priority=5
	{
	hook do_reply(c, msg, ans, fmt("%s", a));
	}

# Character strings as "<KIND> <length> <bytes>", joined by spaces.
function char_strings(kind: string, strs: string_vec): string
	{
	local s = "";

	for ( i in strs )
		{
		if ( i > 0 )
			s += " ";

		s += fmt("%s %d %s", kind, |strs[i]|, strs[i]);
		}

	return s;
	}

event dns_TXT_reply(c: connection, msg: dns_msg, ans: dns_answer, strs: string_vec) &priority=5
	{
	hook do_reply(c, msg, ans, char_strings("TXT", strs));
	}

event dns_SPF_reply(c: connection, msg: dns_msg, ans: dns_answer, strs: string_vec) &priority=5
	{
	hook do_reply(c, msg, ans, char_strings("SPF", strs));
	}

event dns_NS_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string) &priority=5
	{
	hook do_reply(c, msg, ans, name);
	}

event dns_CNAME_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string) &priority=5
	{
	hook do_reply(c, msg, ans, name);
	}

event dns_MX_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string, preference: count) &priority=5
	{
	hook do_reply(c, msg, ans, name);
	}

event dns_PTR_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string) &priority=5
	{
	hook do_reply(c, msg, ans, name);
	}

event dns_SOA_reply(c: connection, msg: dns_msg, ans: dns_answer, soa: dns_soa) &priority=5
	{
	hook do_reply(c, msg, ans, soa$mname);
	}

event dns_WKS_reply(c: connection, msg: dns_msg, ans: dns_answer) &priority=5
	{
	hook do_reply(c, msg, ans, "");
	}

event dns_SRV_reply(c: connection, msg: dns_msg, ans: dns_answer, target: string, priority: count, weight: count, p: count) &priority=5
	{
	hook do_reply(c, msg, ans, target);
	}

event connection_state_remove(c: connection) &priority=-3
	{
	finalize_dns(c);
	}
