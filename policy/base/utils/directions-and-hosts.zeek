##! Host and direction selectors used by scripts that track only some hosts
##! (e.g. known-hosts) or connections in some direction.

@load ./site

module GLOBAL;

## Which hosts a script looks at, relative to Site::local_nets.
type Host: enum {
	LOCAL_HOSTS,	##< Addresses in Site::local_nets.
	REMOTE_HOSTS,	##< Addresses outside Site::local_nets.
	ALL_HOSTS,	##< Every address.
	NO_HOSTS,	##< None.
};

## Which connections a script looks at, relative to Site::local_nets.
type Direction: enum {
	INBOUND,	##< Remote originator, local responder.
	OUTBOUND,	##< Local originator, remote responder.
	BIDIRECTIONAL,	##< Either of the two.
	NO_DIRECTION,	##< None.
};

## Whether a connection goes in the given direction.
function id_matches_direction(id: conn_id, d: Direction): bool
	{
	if ( d == NO_DIRECTION )
		return F;

	local o_local = Site::is_local_addr(id$orig_h);
	local r_local = Site::is_local_addr(id$resp_h);

	switch ( d ) {
	case OUTBOUND:
		return o_local && ! r_local;
	case INBOUND:
		return ! o_local && r_local;
	case BIDIRECTIONAL:
		return o_local != r_local;
	default:
		return F;
	}
	}

## Whether an address is one of the given hosts.
function addr_matches_host(ip: addr, h: Host): bool
	{
	switch ( h ) {
	case ALL_HOSTS:
		return T;
	case LOCAL_HOSTS:
		return Site::is_local_addr(ip);
	case REMOTE_HOSTS:
		return ! Site::is_local_addr(ip);
	default:
		return F;
	}
	}
