##! Per-item expiry: an item may carry its own lifetime in meta.expire (an
##! intel file's `meta.expire` column, in seconds). The source's metadata
##! goes once that time has passed since the item was last inserted, the
##! indicator once no source is left. Items without it live as long as
##! the rest of the policy says (forever, unless do_expire is loaded).
##!
##! Lifetimes are checked whenever the framework's expiry of an indicator
##! comes round, so Intel::item_expiration is the granularity: an item
##! goes at the first check at or after it is due.

@load base/frameworks/intel

module Intel;

export {
	redef record MetaData += {
		## How long the item lives after its last insertion.
		expire: interval &optional;
	};

	## How often lifetimes are checked.
	redef item_expiration = 1 min;
}

# When each source's metadata of an indicator is due, by indicator. The
# key is the indicator as the item_expired hook names it.
global due_at: table[string, Type] of table[string] of time;

# The indicator as the store names it: addresses and subnets in their
# canonical form, strings lower case.
function store_key(indicator: string, t: Type): string
	{
	switch ( t ) {
	case ADDR:
		return cat(to_addr(indicator));
	case SUBNET:
		return cat(to_subnet(indicator));
	default:
		return to_lower(indicator);
	}
	}

hook filter_item(item: Item) &priority=-10
	{
	# Last, so that only items that are really inserted count. Every
	# insertion (also a reread of the file) starts the lifetime anew.
	local key = store_key(item$indicator, item$indicator_type);

	if ( ! item$meta?$expire )
		{
		if ( [key, item$indicator_type] in due_at )
			delete due_at[key, item$indicator_type][item$meta$source];
		return;
		}

	if ( [key, item$indicator_type] !in due_at )
		due_at[key, item$indicator_type] = table();

	due_at[key, item$indicator_type][item$meta$source] = network_time() + item$meta$expire;
	}

# Items read before the first packet have no network time yet: their
# due times count from zero until the clock starts.
event network_time_init()
	{
	for ( [ind, t], due in due_at )
		for ( src in due )
			due[src] += network_time() - double_to_time(0.0);
	}

hook item_expired(indicator: string, indicator_type: Type, metas: set[MetaData]) &priority=10
	{
	local key = store_key(indicator, indicator_type);

	if ( [key, indicator_type] !in due_at )
		return;

	local due = due_at[key, indicator_type];
	local gone: set[string] = set();

	for ( md in metas )
		if ( md$source in due && due[md$source] <= network_time() )
			add gone[md$source];

	if ( |gone| == 0 )
		return;

	if ( |gone| == |metas| )
		{
		# Nothing left of the indicator: let the framework remove it.
		delete due_at[key, indicator_type];
		break;
		}

	for ( src in gone )
		{
		delete due[src];
		Intel::remove(Item($indicator=indicator, $indicator_type=indicator_type,
		                   $meta=MetaData($source=src)));
		}
	}

hook indicator_removed(indicator: string, indicator_type: Type)
	{
	delete due_at[store_key(indicator, indicator_type), indicator_type];
	}
