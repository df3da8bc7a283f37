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

# The declarations of the protocol analysers' events, types and settings
# that live in files of their own (as Zeek keeps them in its bif files):
# scripts may handle the events whether or not the protocol's scripts are
# loaded.
@load base/bif/ftp.events
@load base/bif/ssl.events
@load base/bif/ssh.events
@load base/bif/smtp.events
