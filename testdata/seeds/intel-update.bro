##! The intelligence framework as updated in Bro 2.5: indicators read from
##! files, notices on hits, whitelisting, item expiration, per-item expiry
##! kept in a custom metadata field, and removal of items on request of a
##! remote peer.

@load frameworks/intel/seen
@load frameworks/intel/do_notice
@load frameworks/intel/whitelist

# Feeds in the input framework's format:
#fields	indicator	indicator_type	meta.source	meta.desc	meta.do_notice	meta.expire
redef Intel::read_files += {
	"intel-feed.dat",
	"intel-whitelist.dat",
};

# Items expire after a day unless a feed inserts them again.
redef Intel::item_expiration = 1day;

# A feed may ask for a shorter life per item.
redef record Intel::MetaData += {
	expire: interval &optional;
};

# One notice per indicator and host pair per hour is enough.
redef Notice::type_suppression_intervals += {
	[Intel::Notice] = 1hr,
};

## Our resolvers look up everything; hits on them are noise.
const trusted_resolvers: set[addr] = { 192.168.1.53 } &redef;

# When items with their own lifetime are due, by indicator.
global expire_at: table[string, Intel::Type] of time;

hook Intel::filter_item(item: Intel::Item)
	{
	if ( item$meta?$expire )
		expire_at[item$indicator, item$indicator_type] = network_time() + item$meta$expire;
	}

hook Intel::item_expired(indicator: string, indicator_type: Intel::Type,
                         metas: set[Intel::MetaData]) &priority=5
	{
	if ( [indicator, indicator_type] !in expire_at )
		return;

	if ( network_time() < expire_at[indicator, indicator_type] )
		return;

	delete expire_at[indicator, indicator_type];

	# Due: let it expire.
	break;
	}

hook Intel::extend_match(info: Intel::Info, s: Intel::Seen, items: set[Intel::Item])
	{
	# Queries from our own resolvers are not worth a log line.
	if ( s?$conn && s$conn$id$orig_h in trusted_resolvers )
		break;

	# Say which sources had an expiry date for this indicator.
	for ( item in items )
		if ( item$meta?$expire )
			add info$sources[fmt("%s (expires)", item$meta$source)];
	}

event Intel::match(s: Intel::Seen, items: set[Intel::Item])
	{
	for ( item in items )
		print fmt("hit: %s (%s) from %s", s$indicator, item$indicator_type, item$meta$source);
	}

# A peer asks us to forget an indicator.
event Intel::remote_remove(indicator: string, indicator_type: Intel::Type)
	{
	Intel::remove([$indicator=indicator, $indicator_type=indicator_type,
	               $meta=[$source="remote"]], T);
	}

event bro_init()
	{
	# A hand-made item that lives ten minutes.
	Intel::insert([$indicator="evil.example.com", $indicator_type=Intel::DOMAIN,
	               $meta=[$source="local", $desc="test item", $do_notice=T,
	                      $expire=10min]]);

	# Removal requests arrive on this topic.
	Broker::subscribe("bro/intel/remove");
	}
