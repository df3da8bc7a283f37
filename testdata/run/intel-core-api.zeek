# The intel store through the script API: one metadata record per source
# (re-inserting from a source replaces its record, another source adds
# one), string indicators matched without regard to case, an address
# matching its ADDR item and every SUBNET around it (overlapping ones
# all count), remove with and without purge, and the order in which the
# hooks and events run; intel.log rows as log_intel sees them.
# @TEST-PCAP: intel-days.pcap
@load base/frameworks/intel

redef record Intel::MetaData += {
	siem_id: count &optional;
};

function item(ind: string, t: Intel::Type, src: string, desc: string): Intel::Item
	{
	return Intel::Item($indicator=ind, $indicator_type=t, $meta=Intel::MetaData($source=src, $desc=desc));
	}

hook Intel::filter_item(item: Intel::Item)
	{
	print "filter_item", item$indicator, item$meta$source;
	if ( item$meta$source == "blocked" )
		break;
	}

hook Intel::indicator_inserted(indicator: string, indicator_type: Intel::Type)
	{
	print "indicator_inserted", indicator, indicator_type;
	}

hook Intel::indicator_removed(indicator: string, indicator_type: Intel::Type)
	{
	print "indicator_removed", indicator, indicator_type;
	}

event Intel::new_item(item: Intel::Item)
	{
	print "new_item", item$indicator, item$meta$source;
	}

event Intel::purge_item(item: Intel::Item)
	{
	print "purge_item", item$indicator;
	}

hook Intel::seen_policy(s: Intel::Seen, found: bool)
	{
	print "seen_policy", s$indicator, found;
	if ( s$indicator == "stop.example" )
		break;
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	local descs: vector of string;
	for ( it in items )
		descs += fmt("%s/%s/%s%s", it$indicator, it$meta$source, it$meta$desc,
		             it$meta?$siem_id ? fmt("/%d", it$meta$siem_id) : "");
	sort(descs, strcmp);
	print "match", s$indicator, s$indicator_type, join_string_vec(descs, " ");
	}

hook Intel::extend_match(info: Intel::Info, s: Intel::Seen, items: set[Intel::Item])
	{
	if ( s$indicator == "quiet.example" )
		break;
	}

event Intel::log_intel(rec: Intel::Info)
	{
	print "log", rec$ts, rec?$uid ? rec$uid : "-", rec$seen$indicator, rec$seen$indicator_type,
	      rec$seen$where, rec$seen$node, rec$matched, rec$sources;
	}

event zeek_init()
	{
	Intel::insert(item("192.0.2.80", Intel::ADDR, "feed-a", "web server"));
	Intel::insert(item("192.0.2.0/24", Intel::SUBNET, "feed-a", "test net"));
	Intel::insert(item("192.0.0.0/16", Intel::SUBNET, "feed-b", "wider net"));
	Intel::insert(item("Evil.Example", Intel::DOMAIN, "feed-a", "first"));
	# Same source again: replaces the record, no new indicator.
	Intel::insert(item("evil.example", Intel::DOMAIN, "feed-a", "second"));
	# Another source: a second record.
	local i2 = item("EVIL.EXAMPLE", Intel::DOMAIN, "feed-b", "other");
	i2$meta$siem_id = 42;
	Intel::insert(i2);
	Intel::insert(item("blocked.example", Intel::DOMAIN, "blocked", "filtered out"));
	Intel::insert(item("stop.example", Intel::DOMAIN, "feed-a", "seen_policy breaks"));
	Intel::insert(item("quiet.example", Intel::DOMAIN, "feed-a", "extend_match breaks"));
	Intel::insert(item("remove.example", Intel::DOMAIN, "feed-a", "a"));
	Intel::insert(item("remove.example", Intel::DOMAIN, "feed-b", "b"));
	Intel::insert(item("purge.example", Intel::DOMAIN, "feed-a", "a"));
	Intel::insert(item("purge.example", Intel::DOMAIN, "feed-b", "b"));
	print "size", Intel::__size();
	}

global done = F;

event new_connection(c: connection)
	{
	if ( done )
		return;
	done = T;

	print "-- sightings";
	Intel::seen([$host=192.0.2.80, $where=Intel::IN_ANYWHERE, $conn=c]);
	Intel::seen([$host=192.0.2.53, $where=Intel::IN_ANYWHERE, $uid="Cmanual"]);
	Intel::seen([$host=192.0.3.1, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$host=10.0.0.2, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="eViL.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE, $node="worker-1"]);
	Intel::seen([$indicator="evil.example", $indicator_type=Intel::URL, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="blocked.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="stop.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="quiet.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);

	print "-- removals";
	# One source's record: the indicator stays with the other.
	Intel::remove(item("remove.example", Intel::DOMAIN, "feed-a", ""));
	Intel::seen([$indicator="remove.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	# The last source's record: the indicator goes.
	Intel::remove(item("remove.example", Intel::DOMAIN, "feed-b", ""));
	# Purge: all records at once, whatever the source.
	Intel::remove(item("PURGE.example", Intel::DOMAIN, "nobody", ""), T);
	# Not there.
	Intel::remove(item("never.example", Intel::DOMAIN, "feed-a", ""));
	Intel::remove(item("192.0.2.0/24", Intel::SUBNET, "feed-a", ""));
	Intel::seen([$indicator="remove.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="purge.example", $indicator_type=Intel::DOMAIN, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$host=192.0.2.80, $where=Intel::IN_ANYWHERE]);
	print "size", Intel::__size();
	}
