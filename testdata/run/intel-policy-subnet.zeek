# @TEST-PCAP: sample.pcap
# Overlapping indicators: 192.0.2.80 is an ADDR item and lies in two
# SUBNET items. Each sighting of it is one hit with every matching item
# (matched = {ADDR, SUBNET}, all three sources); 10.0.0.2 only matches
# its subnet; 192.0.2.53 (DNS, not an established TCP peer) is not seen.
@load base/frameworks/intel
@load frameworks/intel/seen

redef Intel::read_files += { "../intel/subnets.dat" };

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	local found: vector of string = vector();

	for ( item in items )
		found += fmt("%s (%s)", item$indicator, item$meta$source);

	print s$indicator, s$where, sort(found, strcmp);
	}
