##! The intelligence framework: a store of indicators (addresses, subnets,
##! domains, URLs, ...) with metadata per source, fed by Intel::insert or by
##! files read with the input framework. Scripts report what they see with
##! Intel::seen; a hit raises Intel::match and is written to intel.log.
##!
##! The indicators live in gobro's native store (the Intel::__* built-ins),
##! not in script tables: matching an address against every network that
##! contains it is one walk of a prefix trie, and millions of indicators fit
##! in a few hundred megabytes. What scripts see is Zeek's API.

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

	## What one source says about an indicator. Policy scripts add fields;
	## the store keeps the records as they are, added fields included.
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

	## Adds an item to the store (runs filter_item first). Inserting an
	## indicator again from the same source replaces that source's
	## metadata, from another source adds to it; either way its expiry
	## starts over.
	global insert: function(item: Item);

	## Removes the metadata of `item$meta$source` from an indicator, and the
	## indicator itself once no source is left or when purge_indicator is T.
	global remove: function(item: Item, purge_indicator: bool &default=F);

	## Reports a sighting; raises Intel::match on a hit.
	global seen: function(s: Seen);

	## Raised for a sighting that matched; `items` are all matching items
	## (for an address: its ADDR item and those of every SUBNET around it).
	global match: event(s: Seen, items: set[Item]);

	## Raised with every intel.log record.
	global log_intel: event(rec: Info);

	## Runs before a match is logged, to add to the record; a `break`
	## suppresses the log entry.
	global extend_match: hook(info: Info, s: Seen, items: set[Item]);

	## Time after which an indicator expires unless re-inserted; negative
	## (or zero) means never. Checked every table_expire_interval of
	## network time.
	const item_expiration = -1 min &redef;

	## Runs when an indicator expires. If every handler runs, the
	## indicator stays for another item_expiration; a `break` removes it.
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

	## Raised when an insertion brought a new indicator (cluster
	## distribution listens to it).
	global new_item: event(item: Item);

	## Asks the node with the full store to remove an item (what remove
	## does on a worker).
	global remove_item: event(item: Item, purge_indicator: bool);

	## Raised when an indicator left the store, with the item whose
	## removal took it; runs indicator_removed.
	global purge_item: event(item: Item);
}

# Whether this node holds the full store (T unless a cluster worker).
const have_full_data = T &redef;

# A worker without the full store asks the manager to complete a match.
global match_remote: event(s: Seen);

# The intel file whose line is being inserted ("" for other insertions),
# for the message about a bad indicator.
global reading_file = "";

# What the store's built-ins answer (see runtime/engine/bifs_intel.go).
const INSERT_BAD = 0;
const INSERT_NEW = 1;
const REMOVE_UNKNOWN = 0;
const REMOVE_GONE = 2;

# Inserts an item; the cluster code calls it with first_dispatch=F for
# items that came from another node.
function _insert(item: Item, first_dispatch: bool &default=T)
	{
	local res = __insert(item);

	if ( res == INSERT_BAD )
		{
		Reporter::warning(fmt("Intel::insert: bad %s indicator '%s' (source %s%s)",
		                      item$indicator_type, item$indicator, item$meta$source,
		                      reading_file == "" ? "" : ", file " + reading_file));
		return;
		}

	if ( res != INSERT_NEW )
		return;

	hook indicator_inserted(item$indicator, item$indicator_type);

	if ( first_dispatch )
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
		return __find_addr(s$host);

	return __find(s$indicator, s$indicator_type);
	}

# All items matching a sighting: for an address, the address itself and
# every subnet that contains it.
function get_items(s: Seen): set[Item]
	{
	if ( s?$host )
		return __items_addr(s$host);

	return __items(s$indicator, s$indicator_type);
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
		event Intel::match(s, get_items(s));
	else
		event Intel::match_remote(s);
	}

function remove(item: Item, purge_indicator: bool)
	{
	if ( ! have_full_data )
		{
		event Intel::remove_item(item, purge_indicator);
		return;
		}

	local res = __remove(item, purge_indicator);

	if ( res == REMOVE_UNKNOWN )
		{
		Reporter::info(fmt("Tried to remove non-existing item '%s' (%s).",
		                   item$indicator, item$indicator_type));
		return;
		}

	if ( res == REMOVE_GONE )
		event Intel::purge_item(item);
	}

event Intel::remove_item(item: Item, purge_indicator: bool)
	{
	if ( have_full_data )
		remove(item, purge_indicator);
	}

event Intel::purge_item(item: Item)
	{
	hook indicator_removed(item$indicator, item$indicator_type);
	}

# The store calls this for an indicator not inserted for item_expiration:
# the item_expired hook decides whether it stays (for another period) or
# goes (0 secs), as Zeek's &expire_func on its intel tables does.
function expire_item(indicator: string, indicator_type: Type): interval
	{
	if ( hook item_expired(indicator, indicator_type, __metas(indicator, indicator_type)) )
		return item_expiration;

	remove(Item($indicator=indicator, $indicator_type=indicator_type,
	            $meta=MetaData($source="")), T);
	return 0 sec;
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
		s$uid = s$conn$uid;
		info$id = s$conn$id;
		}

	if ( s?$uid )
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
