# @TEST-PCAP: sample.pcap
# Intel::remove: without purge it takes one source's metadata and leaves
# the indicator while another source has it; with purge the indicator
# goes with all its metadata. The sample trace sees example.com in two
# HTTP Host headers, then in two DNS queries; 192.0.2.80 in between.
@load base/protocols/http
@load base/protocols/dns
@load base/frameworks/intel
@load frameworks/intel/seen

global hits = 0;
global domain_hits = 0;

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	local sources: vector of string = vector();

	for ( item in items )
		sources += item$meta$source;

	print ++hits, s$indicator, s$where, sort(sources, strcmp);

	if ( s$indicator != "example.com" )
		return;

	if ( ++domain_hits == 1 )
		# Feed a no longer lists it; feed b still does.
		Intel::remove([$indicator="example.com", $indicator_type=Intel::DOMAIN,
		               $meta=[$source="feed-a"]]);
	else
		# Gone for good, whoever listed it.
		Intel::remove([$indicator="EXAMPLE.com", $indicator_type=Intel::DOMAIN,
		               $meta=[$source="feed-c"]], T);
	}

event zeek_init()
	{
	Intel::insert([$indicator="example.com", $indicator_type=Intel::DOMAIN, $meta=[$source="feed-a"]]);
	Intel::insert([$indicator="example.com", $indicator_type=Intel::DOMAIN, $meta=[$source="feed-b"]]);
	Intel::insert([$indicator="192.0.2.80", $indicator_type=Intel::ADDR, $meta=[$source="feed-a"]]);
	Intel::insert([$indicator="192.0.2.80", $indicator_type=Intel::ADDR, $meta=[$source="feed-b"]]);

	# One source of the address goes, the other keeps it.
	Intel::remove([$indicator="192.0.2.80", $indicator_type=Intel::ADDR, $meta=[$source="feed-b"]]);
	}
