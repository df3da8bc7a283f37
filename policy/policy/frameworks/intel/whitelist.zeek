##! Items with meta.whitelist=T suppress intel.log entries for every
##! sighting they match.

@load base/frameworks/intel

module Intel;

export {
	redef record MetaData += {
		## Never log hits on this indicator.
		whitelist: bool &default=F;
	};
}

hook extend_match(info: Info, s: Seen, items: set[Item]) &priority=9
	{
	local whitelisted = F;

	for ( item in items )
		if ( item$meta$whitelist )
			whitelisted = T;

	# Inside a loop `break` would only end the loop; here it ends the hook
	# chain, which keeps the match out of intel.log.
	if ( whitelisted )
		break;
	}
