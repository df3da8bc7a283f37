##! Reports the names in DNS queries to the intel framework. Answers are
##! in dns-answers (not loaded by default: Zeek's seen scripts look at
##! queries only, and intel.log should say what Zeek's says).

@load base/frameworks/intel
@load base/protocols/dns
@load ./where-locations

event dns_request(c: connection, msg: dns_msg, query: string, qtype: count, qclass: count)
	{
	Intel::seen([$indicator=query, $indicator_type=Intel::DOMAIN, $conn=c,
	             $where=DNS::IN_REQUEST]);
	}
