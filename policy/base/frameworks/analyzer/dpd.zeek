##! Dynamic protocol detection, script side: a confirming analyzer names
##! the connection's service; one that reports a protocol violation is
##! removed from the connection (and its service withdrawn, unless told to
##! keep it).

@load ./main

module DPD;

export {
	## Analyzers that stay attached whatever violations they report.
	option ignore_violations: set[Analyzer::Tag] = {};

	## Violations this many payload bytes into a connection (both sides)
	## no longer remove the analyzer; 0 never ignores them.
	option ignore_violations_after = 10 * 1024;

	## When T, a removed analyzer's service stays in c$service.
	option track_removed_services_in_connection = F;
}

redef record connection += {
	## Analyzers that had confirmed the protocol and were then removed
	## after a violation.
	failed_analyzers: set[string] &default=set() &ordered;
};

event analyzer_confirmation_info(atype: AllAnalyzers::Tag, info: AnalyzerConfirmationInfo) &priority=10
	{
	if ( ! info?$c )
		return;

	add info$c$service[Analyzer::name(atype)];
	}

event analyzer_violation_info(atype: AllAnalyzers::Tag, info: AnalyzerViolationInfo) &priority=5
	{
	if ( ! info?$c || ! info?$aid )
		return;

	if ( atype in ignore_violations )
		return;

	local c = info$c;
	local size = c$orig$size + c$resp$size;
	if ( ignore_violations_after > 0 && size > ignore_violations_after )
		return;

	local name = Analyzer::name(atype);
	if ( name in c$service && ! track_removed_services_in_connection )
		{
		delete c$service[name];
		add c$failed_analyzers[name];
		}

	disable_analyzer(c$id, info$aid, F);
	}
