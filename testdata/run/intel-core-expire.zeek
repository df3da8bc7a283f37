# Expiry on network time over a trace of four batches 25 hours apart,
# with item_expiration = 2 days: items inserted in zeek_init start their
# clock with the first packet; the item_expired hook keeps an item for
# another period unless a handler breaks, which removes it; inserting an
# item again restarts its clock.
# @TEST-PCAP: intel-days.pcap
@load base/frameworks/intel

redef Intel::item_expiration = 2 days;

event zeek_init()
	{
	Intel::insert([$indicator="192.0.2.80", $indicator_type=Intel::ADDR, $meta=[$source="web-feed"]]);
	Intel::insert([$indicator="192.0.2.53", $indicator_type=Intel::ADDR, $meta=[$source="dns-feed"]]);
	Intel::insert([$indicator="10.0.0.0/8", $indicator_type=Intel::SUBNET, $meta=[$source="nets", $desc="a"]]);
	Intel::insert([$indicator="10.0.0.0/8", $indicator_type=Intel::SUBNET, $meta=[$source="nets2", $desc="b"]]);
	Intel::insert([$indicator="Gone.Example", $indicator_type=Intel::DOMAIN, $meta=[$source="dom"]]);
	}

hook Intel::item_expired(indicator: string, indicator_type: Intel::Type, metas: set[Intel::MetaData])
	{
	local srcs: vector of string;
	for ( m in metas )
		srcs += m$source;
	sort(srcs, strcmp);
	print fmt("%.0f expired %s %s %s", network_time(), indicator, indicator_type, join_string_vec(srcs, ","));

	if ( indicator_type == Intel::SUBNET || indicator == "gone.example" )
		break;
	}

hook Intel::indicator_removed(indicator: string, indicator_type: Intel::Type)
	{
	print fmt("%.0f removed %s", network_time(), indicator);
	}

event Intel::log_intel(rec: Intel::Info)
	{
	print fmt("%.2f hit %s %s", rec$ts, rec$seen$indicator, rec$uid);
	}

event new_connection(c: connection)
	{
	# The DNS server's item is refreshed each time it is talked to.
	if ( c$id$resp_h == 192.0.2.53 )
		Intel::insert([$indicator="192.0.2.53", $indicator_type=Intel::ADDR, $meta=[$source="dns-feed"]]);

	Intel::seen([$host=c$id$orig_h, $conn=c, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$host=c$id$resp_h, $conn=c, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="gone.EXAMPLE", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE, $uid=c$uid]);
	}
