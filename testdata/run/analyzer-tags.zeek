# AllAnalyzers::Tag takes any analyzer tag and prints it under its own
# name; values pass between it and the component tag types both ways.
event zeek_init()
	{
	local t: AllAnalyzers::Tag = Analyzer::ANALYZER_DNS;
	print t;
	local s: set[AllAnalyzers::Tag] = { Analyzer::ANALYZER_HTTP, PacketAnalyzer::ANALYZER_VLAN, Files::ANALYZER_MD5 };
	print s;
	print Analyzer::ANALYZER_SSH in s, Analyzer::ANALYZER_HTTP in s;
	local u: set[Analyzer::Tag] = { Analyzer::ANALYZER_DNS };
	print t in u;
	print Analyzer::name(PacketAnalyzer::ANALYZER_VLAN), Analyzer::name(Files::ANALYZER_MD5);
	print Analyzer::get_tag("http"), Analyzer::has_tag("NOPE");
	print "AllAnalyzers::Tag" in enum_names(AllAnalyzers::Tag), "Analyzer::ANALYZER_SSL" in enum_names(AllAnalyzers::Tag);
	}
