# @TEST-PCAP: intel-days.pcap
# Per-item expiry (frameworks/intel/item_expire): the feed's meta.expire
# column gives each item its lifetime. example.com (30 hours) is hit on
# days 0 and 1, then removed; 192.0.2.80 loses the metadata of the
# source that gave it an hour, and stays for the source without expiry.
@load base/protocols/http
@load base/frameworks/intel
@load frameworks/intel/seen
@load frameworks/intel/item_expire

redef Intel::read_files += { "../intel/expire.dat" };

hook Intel::indicator_removed(indicator: string, indicator_type: Intel::Type)
	{
	print network_time(), "removed", indicator;
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	local sources: vector of string = vector();

	for ( item in items )
		sources += item$meta$source;

	print network_time(), "hit", s$indicator, s$where, sort(sources, strcmp);
	}
