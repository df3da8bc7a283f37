##! Loaded right after init-bare.zeek in every run, bare (-b) or not: the
##! frameworks the core itself relies on. The built-in functions need no
##! script declarations here; gobro registers them from its Go table.

@load base/frameworks/logging
@load base/frameworks/broker
@load base/frameworks/input
@load base/frameworks/cluster
@load base/frameworks/config
@load base/frameworks/analyzer
@load base/frameworks/reporter
