##! The intelligence framework: a store of indicators (addresses, subnets,
##! domains, URLs, ...) with metadata per source, fed by Intel::insert or by
##! files read with the input framework. Scripts report what they see with
##! Intel::seen; a hit raises Intel::match and is written to intel.log.

@load base/frameworks/logging
@load base/frameworks/cluster

module Intel;

export {
	redef enum Log::ID += { LOG };

	## Policy hook of intel.log.
	global log_policy: Log::PolicyHook;

	## Kinds of indicators.
	type Type: enum {
		## An IP address.
		ADDR,
		## A network (matches every address inside it).
		SUBNET,
		## A URL without the scheme ("example.com/path").
		URL,
		## A software name (e.g. a User-Agent).
		SOFTWARE,
		## An e-mail address.
		EMAIL,
		## A DNS domain name.
		DOMAIN,
		## A user name.
		USER_NAME,
		## Hash of a certificate.
		CERT_HASH,
		## Hash of a public key.
		PUBKEY_HASH,
	};

	## A set of indicator types.
	type TypeSet: set[Type];

	## What one source says about an indicator. Policy scripts add fields.
	type MetaData: record {
		## Where the indicator came from (one metadata record per source).
		source: string;
		## What the indicator means.
		desc: string &optional;
		## Where to find more about it.
		url: string &optional;
	};

	## An indicator with the metadata of one source.
	type Item: record {
		## The indicator itself.
		indicator: string;
		## Its kind.
		indicator_type: Type;
		## The source's metadata.
		meta: MetaData;
	};

	## Where in the traffic an indicator was seen; the seen/ scripts add
	## locations.
	type Where: enum {
		## Anywhere (also: "any location" in MetaData$if_in).
		IN_ANYWHERE,
	};

	## One sighting of a possible indicator.
	type Seen: record {
		## The indicator (set from `host` for addresses).
		indicator: string &log &optional;
		## Its kind.
		indicator_type: Type &log &optional;
		## An address seen; sets indicator and indicator_type.
		host: addr &optional;
		## Where it was seen.
		where: Where &log;
		## Node that saw it (default: peer_description).
		node: string &log &optional;
		## The connection it was seen in.
		conn: connection &optional;
		## The connection's uid, when the connection itself is not at hand.
		uid: string &optional;
	};

	## One intel.log record.
	type Info: record {
		## When the match happened.
		ts: time &log;
		## The connection's uid.
		uid: string &log &optional;
		## The connection's id.
		id: conn_id &log &optional;
		## The sighting.
		seen: Seen &log;
		## The types of all matching items.
		matched: TypeSet &log;
		## The sources of all matching items.
		sources: set[string] &log &default=string_set();
	};

	## Adds an item to the store (runs filter_item first).
	global insert: function(item: Item);

	## Removes the metadata of `item$meta$source` from an indicator, and the
	## indicator itself once no source is left or when purge_indicator is T.
	global remove: function(item: Item, purge_indicator: bool &default=F);

	## Reports a sighting; raises Intel::match on a hit.
	global seen: function(s: Seen);

	## Raised for a sighting that matched; `items` are all matching items.
	global match: event(s: Seen, items: set[Item]);

	## Raised with every intel.log record.
	global log_intel: event(rec: Info);

	## Runs before a match is logged, to add to the record; a `break`
	## suppresses the log entry.
	global extend_match: hook(info: Info, s: Seen, items: set[Item]);

	## Time after which an indicator expires unless re-inserted; negative
	## means never.
	const item_expiration = -1 min &redef;

	## Runs when an indicator expires. If every handler runs, its expiry
	## is reset to item_expiration; a `break` lets it expire (removes it).
	global item_expired: hook(indicator: string, indicator_type: Type, metas: set[MetaData]);

	## Runs for every item before it is inserted; a `break` drops it.
	global filter_item: hook(item: Item);

	## Runs for every sighting with whether it was found in the store; a
	## `break` stops further processing of the sighting.
	global seen_policy: hook(s: Seen, found: bool);

	## Runs when a new indicator enters the store.
	global indicator_inserted: hook(indicator: string, indicator_type: Type);

	## Runs when an indicator leaves the store.
	global indicator_removed: hook(indicator: string, indicator_type: Type);
}

# Whether this node holds the full store (T unless a cluster worker).
const have_full_data = T &redef;

# Metadata of one indicator, by source.
type MetaDataTable: table[string] of MetaData;

# Cluster events: items and removals travel from the workers to the manager
# and back; a worker that has only the minimal store asks the manager to
# complete a match.
global new_item: event(item: Item);
global remove_item: event(item: Item, purge_indicator: bool);
global remove_indicator: event(item: Item);
global match_remote: event(s: Seen);

# Expiry of one indicator: the item_expired hook decides.
function expire_item(indicator: string, indicator_type: Type, metas: set[MetaData]): interval
	{
	if ( ! hook item_expired(indicator, indicator_type, metas) )
		return 0 sec;

	# Every handler ran: keep the indicator for another period.
	return item_expiration;
	}

function metas_of(tbl: MetaDataTable): set[MetaData]
	{
	local metas: set[MetaData] = set();

	for ( src, md in tbl )
		add metas[md];

	return metas;
	}

function expire_host_data(data: table[addr] of MetaDataTable, idx: addr): interval
	{
	return expire_item(cat(idx), ADDR, metas_of(data[idx]));
	}

function expire_subnet_data(data: table[subnet] of MetaDataTable, idx: subnet): interval
	{
	return expire_item(cat(idx), SUBNET, metas_of(data[idx]));
	}

function expire_string_data(data: table[string, Type] of MetaDataTable,
                            indicator: string, indicator_type: Type): interval
	{
	return expire_item(indicator, indicator_type, metas_of(data[indicator, indicator_type]));
	}

# The store. Each indicator expires item_expiration after it was last
# inserted (never, if negative), subject to the item_expired hook.
type DataStore: record {
	host_data: table[addr] of MetaDataTable
		&write_expire=item_expiration &expire_func=expire_host_data;
	subnet_data: table[subnet] of MetaDataTable
		&write_expire=item_expiration &expire_func=expire_subnet_data;
	string_data: table[string, Type] of MetaDataTable
		&write_expire=item_expiration &expire_func=expire_string_data;
};
global data_store: DataStore &redef;

# What a worker keeps when the manager holds the full store: just the
# indicators, enough to know when to ask.
type MinDataStore: record {
	host_data: set[addr];
	subnet_data: set[subnet];
	string_data: set[string, Type];
};
global min_data_store: MinDataStore &redef;

# Inserts an item; the cluster code calls it with first_dispatch=F for
# items that came from another node.
function _insert(item: Item, first_dispatch: bool &default=T)
	{
	local meta_tbl: MetaDataTable;
	local is_new = T;
	local host: addr;
	local net: subnet;
	local key: string;

	switch ( item$indicator_type ) {
	case ADDR:
		host = to_addr(item$indicator);
		if ( host in data_store$host_data )
			{
			is_new = F;
			# Writing the entry again restarts its expiry.
			data_store$host_data[host] = data_store$host_data[host];
			}
		else
			data_store$host_data[host] = MetaDataTable();
		meta_tbl = data_store$host_data[host];
		add min_data_store$host_data[host];
		break;

	case SUBNET:
		net = to_subnet(item$indicator);
		if ( net in data_store$subnet_data )
			{
			is_new = F;
			data_store$subnet_data[net] = data_store$subnet_data[net];
			}
		else
			data_store$subnet_data[net] = MetaDataTable();
		meta_tbl = data_store$subnet_data[net];
		add min_data_store$subnet_data[net];
		break;

	default:
		# String indicators match without regard to case.
		key = to_lower(item$indicator);
		if ( [key, item$indicator_type] in data_store$string_data )
			{
			is_new = F;
			data_store$string_data[key, item$indicator_type] =
				data_store$string_data[key, item$indicator_type];
			}
		else
			data_store$string_data[key, item$indicator_type] = MetaDataTable();
		meta_tbl = data_store$string_data[key, item$indicator_type];
		add min_data_store$string_data[key, item$indicator_type];
		break;
	}

	meta_tbl[item$meta$source] = item$meta;

	if ( is_new )
		hook indicator_inserted(item$indicator, item$indicator_type);

	if ( first_dispatch && Cluster::is_enabled() )
		event Intel::new_item(item);
	}

function insert(item: Item)
	{
	if ( hook filter_item(item) )
		_insert(item, T);
	}

# Whether a sighting's indicator is in the store.
function find(s: Seen): bool
	{
	if ( s?$host )
		{
		if ( have_full_data )
			return s$host in data_store$host_data || s$host in data_store$subnet_data;

		return s$host in min_data_store$host_data || s$host in min_data_store$subnet_data;
		}

	local key = to_lower(s$indicator);

	if ( have_full_data )
		return [key, s$indicator_type] in data_store$string_data;

	return [key, s$indicator_type] in min_data_store$string_data;
	}

# All items matching a sighting: for an address, the address itself and
# every subnet that contains it.
function get_items(s: Seen): set[Item]
	{
	local items: set[Item] = set();

	if ( s?$host )
		{
		if ( s$host in data_store$host_data )
			for ( src, md in data_store$host_data[s$host] )
				add items[Item($indicator=cat(s$host), $indicator_type=ADDR, $meta=md)];

		for ( i, net in matching_subnets(addr_to_subnet(s$host), data_store$subnet_data) )
			for ( src, md in data_store$subnet_data[net] )
				add items[Item($indicator=cat(net), $indicator_type=SUBNET, $meta=md)];

		return items;
		}

	local key = to_lower(s$indicator);

	if ( [key, s$indicator_type] in data_store$string_data )
		for ( src, md in data_store$string_data[key, s$indicator_type] )
			add items[Item($indicator=s$indicator, $indicator_type=s$indicator_type, $meta=md)];

	return items;
	}

function seen(s: Seen)
	{
	if ( s?$host )
		{
		s$indicator = cat(s$host);
		s$indicator_type = ADDR;
		}

	if ( ! s?$node )
		s$node = peer_description;

	local found = find(s);

	if ( ! hook seen_policy(s, found) )
		return;

	if ( ! found )
		return;

	if ( have_full_data )
		{
		local items = get_items(s);

		if ( |items| > 0 )
			event Intel::match(s, items);
		}
	else
		event Intel::match_remote(s);
	}

function remove(item: Item, purge_indicator: bool)
	{
	local host: addr;
	local net: subnet;
	local key: string;
	local known = T;
	local gone = F;

	switch ( item$indicator_type ) {
	case ADDR:
		host = to_addr(item$indicator);
		if ( host !in data_store$host_data )
			{
			known = F;
			break;
			}
		if ( ! purge_indicator )
			delete data_store$host_data[host][item$meta$source];
		if ( purge_indicator || |data_store$host_data[host]| == 0 )
			{
			delete data_store$host_data[host];
			delete min_data_store$host_data[host];
			gone = T;
			}
		break;

	case SUBNET:
		net = to_subnet(item$indicator);
		if ( net !in data_store$subnet_data )
			{
			known = F;
			break;
			}
		if ( ! purge_indicator )
			delete data_store$subnet_data[net][item$meta$source];
		if ( purge_indicator || |data_store$subnet_data[net]| == 0 )
			{
			delete data_store$subnet_data[net];
			delete min_data_store$subnet_data[net];
			gone = T;
			}
		break;

	default:
		key = to_lower(item$indicator);
		if ( [key, item$indicator_type] !in data_store$string_data )
			{
			known = F;
			break;
			}
		if ( ! purge_indicator )
			delete data_store$string_data[key, item$indicator_type][item$meta$source];
		if ( purge_indicator || |data_store$string_data[key, item$indicator_type]| == 0 )
			{
			delete data_store$string_data[key, item$indicator_type];
			delete min_data_store$string_data[key, item$indicator_type];
			gone = T;
			}
		break;
	}

	if ( ! known )
		{
		Reporter::info(fmt("Intel::remove: no such indicator %s (%s)",
		                   item$indicator, item$indicator_type));
		return;
		}

	if ( gone )
		hook indicator_removed(item$indicator, item$indicator_type);

	if ( Cluster::is_enabled() )
		event Intel::remove_item(item, purge_indicator);
	}

event Intel::match(s: Seen, items: set[Item]) &priority=5
	{
	local info = Info($ts=network_time(), $seen=s, $matched=TypeSet());

	if ( hook extend_match(info, s, items) )
		Log::write(Intel::LOG, info);
	}

# Fill the connection columns and collect the matched types and sources.
hook extend_match(info: Info, s: Seen, items: set[Item]) &priority=5
	{
	if ( s?$conn )
		{
		info$uid = s$conn$uid;
		info$id = s$conn$id;
		}
	else if ( s?$uid )
		info$uid = s$uid;

	for ( item in items )
		{
		add info$sources[item$meta$source];
		add info$matched[item$indicator_type];
		}
	}

event zeek_init() &priority=5
	{
	Log::create_stream(Intel::LOG, [$columns=Info, $ev=log_intel, $path="intel",
	                                $policy=log_policy]);
	}
