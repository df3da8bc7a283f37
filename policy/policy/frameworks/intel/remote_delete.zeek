##! Removal of intel indicators from outside a running node: a client of
##! the WebSocket API (or another node) publishes
##! Intel::remote_remove(indicator, indicator_type) on Intel::remote_topic,
##! and the indicator goes with the metadata of every source, as
##! Intel::remove(item, T) does. The type is a name as Zeek writes it,
##! with or without its module ("Intel::DOMAIN" or "DOMAIN").
##!
##! The node must serve the WebSocket API for clients to reach it, e.g.
##!   event zeek_init() { Cluster::listen_websocket([$listen_port=27759/tcp]); }
##! and gobro's own client can then send a removal:
##!   gobro client publish zeek/intel/remove Intel::remote_remove evil.example.com DOMAIN

@load base/frameworks/intel

module Intel;

export {
	## Topic prefix removals are published on.
	const remote_topic = "zeek/intel/remove" &redef;

	## Published by a client to remove an indicator.
	global remote_remove: event(indicator: string, indicator_type: string);
}

# Intel::Type by name, module-qualified and bare.
global type_names: table[string] of Type = {
	["ADDR"] = ADDR, ["SUBNET"] = SUBNET, ["URL"] = URL,
	["SOFTWARE"] = SOFTWARE, ["EMAIL"] = EMAIL, ["DOMAIN"] = DOMAIN,
	["USER_NAME"] = USER_NAME, ["CERT_HASH"] = CERT_HASH,
	["PUBKEY_HASH"] = PUBKEY_HASH, ["FILE_HASH"] = FILE_HASH,
	["FILE_NAME"] = FILE_NAME,
};

event zeek_init()
	{
	Broker::subscribe(remote_topic);
	}

event remote_remove(indicator: string, indicator_type: string)
	{
	local name = sub(indicator_type, /^Intel::/, "");
	if ( name !in type_names )
		{
		Reporter::warning(fmt("Intel::remote_remove: unknown indicator type %s", indicator_type));
		return;
		}
	Intel::remove([$indicator=indicator, $indicator_type=type_names[name],
	               $meta=[$source="remote"]], T);
	}
