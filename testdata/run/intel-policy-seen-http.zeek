# @TEST-PCAP: sample.pcap
# What the seen scripts report from the sample trace's HTTP and DNS: both
# hosts of the established connection, the Host header (a domain), the
# User-Agent (software), the URL of each request and the DNS queries.
# Items for some of them show the hits in intel.log.
@load base/protocols/http
@load base/protocols/dns
@load base/frameworks/intel
@load frameworks/intel/seen

hook Intel::seen_policy(s: Intel::Seen, found: bool)
	{
	print network_time(), s$indicator, s$indicator_type, s$where, found;
	}

event zeek_init()
	{
	Intel::insert([$indicator="EXAMPLE.COM/index.html", $indicator_type=Intel::URL, $meta=[$source="urls"]]);
	Intel::insert([$indicator="gobro-pcapgen", $indicator_type=Intel::SOFTWARE, $meta=[$source="agents"]]);
	Intel::insert([$indicator="example.com", $indicator_type=Intel::DOMAIN, $meta=[$source="domains"]]);
	}
