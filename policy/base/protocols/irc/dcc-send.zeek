##! DCC file transfers: a DCC SEND offered in a PRIVMSG makes the offered
##! connection expected, with the IRC_DATA analyser that hands its bytes
##! to file analysis; the transfer is logged to irc.log (command "DCC")
##! once its file's type is known.

@load ./main
@load base/frameworks/analyzer
@load base/protocols/conn/removal-hooks

module IRC;

export {
	redef record Info += {
		## The file name the DCC SEND offered.
		dcc_file_name:         string &log &optional;
		## The size the sender announced.
		dcc_file_size:         count  &log &optional;
		## The file's sniffed MIME type.
		dcc_mime_type:         string &log &optional;
	};

	## Forgets an expected transfer when its connection goes.
	global finalize_irc_data: Conn::RemovalHook;
}

# The offered transfers by the address and port the sender listens on,
# with the session that offered them.
global dcc_expected_transfers: table[addr, port] of Info &read_expire=5mins;

function log_dcc(f: fa_file)
	{
	if ( ! f?$conns )
		return;

	for ( cid, c in f$conns )
		{
		if ( [cid$resp_h, cid$resp_p] !in dcc_expected_transfers )
			next;

		local irc = dcc_expected_transfers[cid$resp_h, cid$resp_p];
		local cmd = irc?$command ? irc$command : "";
		irc$command = "DCC";
		Log::write(IRC::LOG, irc);
		if ( cmd != "" )
			irc$command = cmd;

		# The session may offer another transfer.
		delete irc$dcc_file_name;
		delete irc$dcc_file_size;
		delete irc$dcc_mime_type;
		delete dcc_expected_transfers[cid$resp_h, cid$resp_p];
		return;
		}
	}

event file_sniff(f: fa_file, meta: fa_metadata) &priority=-5
	{
	if ( f$source == "IRC_DATA" )
		log_dcc(f);
	}

event irc_dcc_message(c: connection, is_orig: bool, prefix: string, target: string,
                      dcc_type: string, argument: string, address: addr,
                      dest_port: count, size: count) &priority=5
	{
	set_session(c);
	if ( dcc_type != "SEND" )
		return;

	c$irc$dcc_file_name = argument;
	c$irc$dcc_file_size = size;
	local p = count_to_port(dest_port, tcp);
	Analyzer::schedule_analyzer(0.0.0.0, address, p, Analyzer::ANALYZER_IRC_DATA, 5min);
	dcc_expected_transfers[address, p] = c$irc;
	}

# GLOBAL: the engine's event (in module IRC the bare name would declare
# a new one when no script loaded before this one declares it).
event GLOBAL::scheduled_analyzer_applied(c: connection, a: Analyzer::Tag) &priority=10
	{
	if ( [c$id$resp_h, c$id$resp_p] !in dcc_expected_transfers )
		return;

	add c$service["irc-dcc-data"];
	Conn::register_removal_hook(c, finalize_irc_data);
	}

hook finalize_irc_data(c: connection)
	{
	delete dcc_expected_transfers[c$id$resp_h, c$id$resp_p];
	}
