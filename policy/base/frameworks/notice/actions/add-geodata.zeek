##! ACTION_ADD_GEODATA: adds the location of the notice's remote address to
##! notice.log (remote_location columns).

@load ../main
@load base/utils/site

module Notice;

export {
	redef enum Action += {
		## Look up the location of the remote address.
		ACTION_ADD_GEODATA,
	};

	redef record Info += {
		## Location of the remote address, when looked up.
		remote_location: geo_location &log &optional;
	};

	## Notice types that get ACTION_ADD_GEODATA.
	option lookup_location_types: set[Notice::Type] = {};
}

hook policy(n: Notice::Info) &priority=10
	{
	if ( n$note in lookup_location_types )
		add n$actions[ACTION_ADD_GEODATA];
	}

hook notice(n: Notice::Info) &priority=10
	{
	if ( ACTION_ADD_GEODATA in n$actions && n?$src && n?$dst )
		{
		if ( Site::is_local_addr(n$src) && ! Site::is_local_addr(n$dst) )
			n$remote_location = lookup_location(n$dst);
		else if ( ! Site::is_local_addr(n$src) && Site::is_local_addr(n$dst) )
			n$remote_location = lookup_location(n$src);
		}
	}
