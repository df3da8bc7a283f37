# @TEST-PCAP: dns-exchange.pcap
# seen/dns reports each query's name at DNS::IN_REQUEST; seen/dns-answers
# (loaded on its own) what the answers point to at DNS::IN_RESPONSE:
# A/AAAA addresses, CNAME, MX, NS and PTR names. Matches go to intel.log.
@load base/protocols/dns
@load base/frameworks/intel
@load frameworks/intel/seen
@load frameworks/intel/seen/dns-answers

# The trace was recorded on a veth link (checksums offloaded).
redef ignore_checksums = T;

hook Intel::seen_policy(s: Intel::Seen, found: bool)
	{
	print network_time(), s$indicator, s$indicator_type, s$where, found;
	}

event zeek_init()
	{
	Intel::insert([$indicator="web.test", $indicator_type=Intel::DOMAIN, $meta=[$source="names"]]);
	Intel::insert([$indicator="2001:db8::/64", $indicator_type=Intel::SUBNET, $meta=[$source="nets"]]);
	Intel::insert([$indicator="nx.test", $indicator_type=Intel::DOMAIN, $meta=[$source="names"]]);
	}
