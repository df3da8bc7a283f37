# The handler of Zeek's scripts.base.protocols.irc.names-weird test: it
# printed the names, which the comparison leaves out, but its presence
# matters — the IRC analyser parses 353 replies only when irc_names_info
# is handled, and only then reports the malformed one.
event irc_names_info(c: connection, is_orig: bool, c_type: string, channel: string, users: string_set)
	{
	}
