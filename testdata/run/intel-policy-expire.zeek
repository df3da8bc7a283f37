# @TEST-PCAP: intel-days.pcap
# do_expire, as the blog sets it up: items live two days after their last
# insertion. The trace comes back every 25 hours. example.com, inserted
# once at start, is hit on days 0 and 1 and gone by day 2; 192.0.2.80 is
# inserted again on day 1, so it lives to day 2 and is gone by day 3.
# Every expiry passes the item_expired hook.
@load base/protocols/http
@load base/frameworks/intel
@load frameworks/intel/seen
@load frameworks/intel/do_expire

redef Intel::item_expiration = 2days;

hook Intel::item_expired(indicator: string, indicator_type: Intel::Type,
                         metas: set[Intel::MetaData])
	{
	print network_time(), "expired", indicator, indicator_type, |metas|;
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	print network_time(), "hit", s$indicator, s$where;
	}

global reinserted = F;

event connection_established(c: connection)
	{
	# A feed lists the address again a day in.
	if ( ! reinserted && network_time() > double_to_time(1709251200.0) + 1day )
		{
		reinserted = T;
		print network_time(), "insert again", "192.0.2.80";
		Intel::insert([$indicator="192.0.2.80", $indicator_type=Intel::ADDR,
		               $meta=[$source="feed"]]);
		}
	}

# Inserted before the first packet: their two days count from it.
event zeek_init()
	{
	Intel::insert([$indicator="example.com", $indicator_type=Intel::DOMAIN, $meta=[$source="feed"]]);
	Intel::insert([$indicator="192.0.2.80", $indicator_type=Intel::ADDR, $meta=[$source="feed"]]);
	}
