##! Definitions that describe the monitored site: its networks, neighbours,
##! DNS zones and administrators, and functions to classify addresses and
##! names with them.

module Site;

export {
	## Address space that is not routed on the public Internet (IANA
	## special-purpose registries): private, loopback, link-local, shared
	## (CGNAT), documentation, benchmarking, local multicast and reserved
	## ranges, for IPv4 and IPv6.
	option private_address_space: set[subnet] = {
		0.0.0.0/8,
		10.0.0.0/8,
		100.64.0.0/10,
		127.0.0.0/8,
		169.254.0.0/16,
		172.16.0.0/12,
		192.0.0.0/24,
		192.0.2.0/24,
		192.88.99.0/24,
		192.168.0.0/16,
		198.18.0.0/15,
		198.51.100.0/24,
		203.0.113.0/24,
		224.0.0.0/24,
		240.0.0.0/4,
		255.255.255.255/32,
		[::]/128,
		[::1]/128,
		[100::]/64,
		[2001::]/23,
		[2001:db8::]/32,
		[fc00::]/7,
		[fe80::]/10,
	};

	## Add private_address_space to local_nets at startup (current Zeek
	## behaviour). Bro 2.x did not; redef to F for that.
	const private_address_space_is_local = T &redef;

	## The site's own networks.
	option local_nets: set[subnet] = {};

	## Networks of neighbouring sites.
	option neighbor_nets: set[subnet] = {};

	## E-mail addresses of the people responsible for each network.
	option local_admins: table[subnet] of set[string] = {};

	## DNS zones of the site.
	option local_zones: set[string] = {};

	## DNS zones of neighbouring sites.
	option neighbor_zones: set[string] = {};

	## Whether an address belongs to the site.
	global is_local_addr: function(a: addr): bool;
	## Whether an address belongs to a neighbouring site.
	global is_neighbor_addr: function(a: addr): bool;
	## Whether an address is in private_address_space.
	global is_private_addr: function(a: addr): bool;
	## Whether a host name is in one of the site's zones.
	global is_local_name: function(name: string): bool;
	## Whether a host name is in one of the neighbours' zones.
	global is_neighbor_name: function(name: string): bool;
	## The administrators of an address, as a comma-separated list.
	global get_emails: function(a: addr): string;
}

function is_local_addr(a: addr): bool
	{
	return a in local_nets;
	}

function is_neighbor_addr(a: addr): bool
	{
	return a in neighbor_nets;
	}

function is_private_addr(a: addr): bool
	{
	return a in private_address_space;
	}

# Whether `name` is one of `zones` or lies below one of them.
function name_in_zones(name: string, zones: set[string]): bool
	{
	local n = to_lower(name);

	for ( z in zones )
		{
		local zone = to_lower(z);

		# Tolerate zones written with a leading dot.
		if ( starts_with(zone, ".") )
			zone = zone[1:];

		if ( n == zone || ends_with(n, "." + zone) )
			return T;
		}

	return F;
	}

function is_local_name(name: string): bool
	{
	return name_in_zones(name, local_zones);
	}

function is_neighbor_name(name: string): bool
	{
	return name_in_zones(name, neighbor_zones);
	}

function get_emails(a: addr): string
	{
	local emails: set[string] = set();

	for ( net, admins in local_admins )
		{
		if ( a in net )
			for ( e in admins )
				add emails[e];
		}

	return join_string_set(emails, ", ");
	}

# Before the config framework starts logging option changes (its
# zeek_init runs at priority 10): extending local_nets at startup is not a
# change a run's config.log shows.
event zeek_init() &priority=20
	{
	if ( private_address_space_is_local )
		Option::set("Site::local_nets", local_nets | private_address_space);
	}
