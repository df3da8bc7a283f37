# @TEST-PCAP: sample.pcap
# meta.whitelist: a second file whitelists example.com, so its sightings
# leave no intel.log line, but Intel::match still runs for them (and so
# would do_notice). 192.0.2.80 is only in the feed and is logged; the
# whitelist file's F line for 10.0.0.2 is an ordinary item.
@load base/protocols/http
@load base/protocols/dns
@load base/frameworks/intel
@load frameworks/intel/seen
@load frameworks/intel/whitelist

redef Intel::read_files += { "../intel/feed.dat", "../intel/whitelist.dat" };

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	local found: vector of string = vector();

	for ( item in items )
		found += fmt("%s%s", item$meta$source, item$meta$whitelist ? " (whitelist)" : "");

	print "match", s$indicator, s$where, sort(found, strcmp);
	}

event Intel::log_intel(rec: Intel::Info)
	{
	print "logged", rec$seen$indicator, rec$seen$where;
	}
