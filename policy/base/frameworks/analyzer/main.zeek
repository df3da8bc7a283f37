##! The analyzer framework: which protocol analyzers are enabled and which
##! well-known ports start them.

module Analyzer;

export {
	## Start with every analyzer disabled.
	const disable_all = F &redef;

	## Analyzers disabled at startup.
	option disabled_analyzers: set[AllAnalyzers::Tag] = {};

	## Enables an analyzer.
	global enable_analyzer: function(tag: AllAnalyzers::Tag): bool;
	## Disables an analyzer.
	global disable_analyzer: function(tag: AllAnalyzers::Tag): bool;
	## Starts `tag` for connections to port `p`.
	global register_for_port: function(tag: Analyzer::Tag, p: port): bool;
	## Starts `tag` for connections to any of `ports`.
	global register_for_ports: function(tag: Analyzer::Tag, ports: set[port]): bool;
	## The ports registered for an analyzer.
	global registered_ports: function(tag: Analyzer::Tag): set[port];
	## All registered ports, by analyzer.
	global all_registered_ports: function(): table[Analyzer::Tag] of set[port];
	## The name of an analyzer ("DNS", "HTTP", ...).
	global name: function(atype: AllAnalyzers::Tag): string;
	## The tag of an analyzer by name.
	global get_tag: function(name: string): AllAnalyzers::Tag;
	## Whether an analyzer of that name exists.
	global has_tag: function(name: string): bool;
	## Expects a connection and starts an analyzer for it when it comes.
	global schedule_analyzer: function(orig: addr, resp: addr, resp_p: port,
	                                   analyzer: Analyzer::Tag, tout: interval): bool;

	## Ports registered per analyzer.
	global ports: table[Analyzer::Tag] of set[port];
}

function enable_analyzer(tag: AllAnalyzers::Tag): bool
	{
	return Analyzer::__enable_analyzer(tag);
	}

function disable_analyzer(tag: AllAnalyzers::Tag): bool
	{
	return Analyzer::__disable_analyzer(tag);
	}

function register_for_port(tag: Analyzer::Tag, p: port): bool
	{
	if ( ! Analyzer::__register_for_port(tag, p) )
		return F;

	if ( tag !in ports )
		ports[tag] = set();

	add ports[tag][p];
	return T;
	}

function register_for_ports(tag: Analyzer::Tag, ports: set[port]): bool
	{
	local rc = T;

	for ( p in ports )
		{
		if ( ! register_for_port(tag, p) )
			rc = F;

		add likely_server_ports[p];
		}

	return rc;
	}

function registered_ports(tag: Analyzer::Tag): set[port]
	{
	if ( tag in ports )
		return ports[tag];

	return set();
	}

function all_registered_ports(): table[Analyzer::Tag] of set[port]
	{
	return ports;
	}

function name(atype: AllAnalyzers::Tag): string
	{
	return Analyzer::__name(atype);
	}

function get_tag(name: string): AllAnalyzers::Tag
	{
	return Analyzer::__tag(name);
	}

function has_tag(name: string): bool
	{
	return Analyzer::__has_tag(name);
	}

function schedule_analyzer(orig: addr, resp: addr, resp_p: port,
                           analyzer: Analyzer::Tag, tout: interval): bool
	{
	return Analyzer::__schedule_analyzer(orig, resp, resp_p, analyzer, tout);
	}

event zeek_init() &priority=5
	{
	if ( disable_all )
		Analyzer::__disable_all_analyzers();

	for ( tag in disabled_analyzers )
		disable_analyzer(tag);
	}
