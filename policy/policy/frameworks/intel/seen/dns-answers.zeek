##! Reports what DNS answers point to: the addresses of A and AAAA records
##! and the names of CNAME, PTR, MX and NS records, all at
##! DNS::IN_RESPONSE. Load it on top of frameworks/intel/seen to catch
##! names and hosts that are only ever resolved, never contacted.

@load base/frameworks/intel
@load base/protocols/dns
@load ./where-locations

function seen_answer_host(c: connection, a: addr)
	{
	Intel::seen([$host=a, $conn=c, $where=DNS::IN_RESPONSE]);
	}

function seen_answer_name(c: connection, name: string)
	{
	Intel::seen([$indicator=name, $indicator_type=Intel::DOMAIN, $conn=c,
	             $where=DNS::IN_RESPONSE]);
	}

event dns_A_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr)
	{
	seen_answer_host(c, a);
	}

event dns_AAAA_reply(c: connection, msg: dns_msg, ans: dns_answer, a: addr)
	{
	seen_answer_host(c, a);
	}

event dns_CNAME_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string)
	{
	seen_answer_name(c, name);
	}

event dns_PTR_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string)
	{
	seen_answer_name(c, name);
	}

event dns_MX_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string, preference: count)
	{
	seen_answer_name(c, name);
	}

event dns_NS_reply(c: connection, msg: dns_msg, ans: dns_answer, name: string)
	{
	seen_answer_name(c, name);
	}
