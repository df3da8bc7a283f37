##! Lets intel items expire: indicators not inserted again within
##! Intel::item_expiration are removed.

@load base/frameworks/intel

module Intel;

redef Intel::item_expiration = 10min;

hook item_expired(indicator: string, indicator_type: Type, metas: set[MetaData]) &priority=-10
	{
	# Reaching this handler means no one wants to keep the item.
	break;
	}
