##! The commands a client has sent and the server not yet answered, and
##! how a reply is matched with one of them.

module FTP;

export {
	## One command and its argument.
	type CmdArg: record {
		## When the command was sent.
		ts: time;
		## The command.
		cmd: string &default="<unknown>";
		## Its argument ("" for none).
		arg: string &default="";
		## Its place in the session's sequence of commands.
		seq: count &default=0;
		## Whether its success already changed the session's cwd.
		cwd_consumed: bool &default=F;
	};

	## The unanswered commands of a session, by sequence number.
	type PendingCmds: table[count] of CmdArg;

	## The reply codes each command may get (RFC 959 and the
	## extensions), for matching replies with pending commands. (Written
	## out pair by pair: our checker does not expand [cmd, [codes]].)
	option cmd_reply_code: set[string, count] = {
		["<init>", 120], ["<init>", 220], ["<init>", 421],
		["USER", 230], ["USER", 331], ["USER", 332], ["USER", 421], ["USER", 530],
		["USER", 500], ["USER", 501],
		["PASS", 230], ["PASS", 202], ["PASS", 332], ["PASS", 421], ["PASS", 530],
		["PASS", 500], ["PASS", 501], ["PASS", 503],
		["ACCT", 230], ["ACCT", 202], ["ACCT", 421], ["ACCT", 530], ["ACCT", 500],
		["ACCT", 501], ["ACCT", 503],
		["CWD", 250], ["CWD", 421], ["CWD", 500], ["CWD", 501], ["CWD", 502], ["CWD", 530],
		["CWD", 550],
		["CDUP", 200], ["CDUP", 250], ["CDUP", 421], ["CDUP", 500], ["CDUP", 501],
		["CDUP", 502], ["CDUP", 530], ["CDUP", 550],
		["SMNT", 202], ["SMNT", 250], ["SMNT", 421], ["SMNT", 500], ["SMNT", 501],
		["SMNT", 502], ["SMNT", 530], ["SMNT", 550],
		["REIN", 120], ["REIN", 220], ["REIN", 421], ["REIN", 500], ["REIN", 502],
		["QUIT", 221], ["QUIT", 500],
		["PORT", 200], ["PORT", 421], ["PORT", 500], ["PORT", 501], ["PORT", 530],
		["PASV", 227], ["PASV", 421], ["PASV", 500], ["PASV", 501], ["PASV", 502],
		["PASV", 530],
		["MODE", 200], ["MODE", 421], ["MODE", 500], ["MODE", 501], ["MODE", 502],
		["MODE", 504], ["MODE", 530],
		["TYPE", 200], ["TYPE", 421], ["TYPE", 500], ["TYPE", 501], ["TYPE", 504],
		["TYPE", 530],
		["STRU", 200], ["STRU", 421], ["STRU", 500], ["STRU", 501], ["STRU", 504],
		["STRU", 530],
		["ALLO", 200], ["ALLO", 202], ["ALLO", 421], ["ALLO", 500], ["ALLO", 501],
		["ALLO", 504], ["ALLO", 530],
		["REST", 200], ["REST", 350], ["REST", 421], ["REST", 500], ["REST", 501],
		["REST", 502], ["REST", 530],
		["STOR", 110], ["STOR", 125], ["STOR", 150], ["STOR", 226], ["STOR", 250],
		["STOR", 421], ["STOR", 425], ["STOR", 426], ["STOR", 451], ["STOR", 551],
		["STOR", 552], ["STOR", 532], ["STOR", 450], ["STOR", 452], ["STOR", 553],
		["STOR", 500], ["STOR", 501], ["STOR", 530], ["STOR", 550],
		["STOU", 110], ["STOU", 125], ["STOU", 150], ["STOU", 226], ["STOU", 250],
		["STOU", 421], ["STOU", 425], ["STOU", 426], ["STOU", 451], ["STOU", 551],
		["STOU", 552], ["STOU", 532], ["STOU", 450], ["STOU", 452], ["STOU", 553],
		["STOU", 500], ["STOU", 501], ["STOU", 530], ["STOU", 550],
		["RETR", 110], ["RETR", 125], ["RETR", 150], ["RETR", 226], ["RETR", 250],
		["RETR", 421], ["RETR", 425], ["RETR", 426], ["RETR", 451], ["RETR", 450],
		["RETR", 500], ["RETR", 501], ["RETR", 530], ["RETR", 550],
		["LIST", 125], ["LIST", 150], ["LIST", 226], ["LIST", 250], ["LIST", 421],
		["LIST", 425], ["LIST", 426], ["LIST", 451], ["LIST", 450], ["LIST", 500],
		["LIST", 501], ["LIST", 502], ["LIST", 530], ["LIST", 550],
		["NLST", 125], ["NLST", 150], ["NLST", 226], ["NLST", 250], ["NLST", 421],
		["NLST", 425], ["NLST", 426], ["NLST", 451], ["NLST", 450], ["NLST", 500],
		["NLST", 501], ["NLST", 502], ["NLST", 530], ["NLST", 550],
		["APPE", 125], ["APPE", 150], ["APPE", 226], ["APPE", 250], ["APPE", 421],
		["APPE", 425], ["APPE", 426], ["APPE", 451], ["APPE", 551], ["APPE", 552],
		["APPE", 532], ["APPE", 450], ["APPE", 550], ["APPE", 452], ["APPE", 553],
		["APPE", 500], ["APPE", 501], ["APPE", 502], ["APPE", 530],
		["RNFR", 350], ["RNFR", 421], ["RNFR", 450], ["RNFR", 550], ["RNFR", 500],
		["RNFR", 501], ["RNFR", 502], ["RNFR", 530],
		["RNTO", 250], ["RNTO", 421], ["RNTO", 532], ["RNTO", 553], ["RNTO", 500],
		["RNTO", 501], ["RNTO", 502], ["RNTO", 503], ["RNTO", 530],
		["DELE", 250], ["DELE", 421], ["DELE", 450], ["DELE", 550], ["DELE", 500],
		["DELE", 501], ["DELE", 502], ["DELE", 530],
		["RMD", 250], ["RMD", 421], ["RMD", 500], ["RMD", 501], ["RMD", 502], ["RMD", 530],
		["RMD", 550],
		["MKD", 257], ["MKD", 421], ["MKD", 500], ["MKD", 501], ["MKD", 502], ["MKD", 530],
		["MKD", 550],
		["PWD", 257], ["PWD", 421], ["PWD", 500], ["PWD", 501], ["PWD", 502], ["PWD", 550],
		["ABOR", 225], ["ABOR", 226], ["ABOR", 421], ["ABOR", 500], ["ABOR", 501],
		["ABOR", 502],
		["SYST", 215], ["SYST", 421], ["SYST", 500], ["SYST", 501], ["SYST", 502],
		["SYST", 530],
		["STAT", 211], ["STAT", 212], ["STAT", 213], ["STAT", 421], ["STAT", 450],
		["STAT", 500], ["STAT", 501], ["STAT", 502], ["STAT", 530],
		["HELP", 200], ["HELP", 211], ["HELP", 214], ["HELP", 421], ["HELP", 500],
		["HELP", 501], ["HELP", 502],
		["SITE", 200], ["SITE", 202], ["SITE", 214], ["SITE", 500], ["SITE", 501],
		["SITE", 502], ["SITE", 530],
		["NOOP", 200], ["NOOP", 421], ["NOOP", 500],
		["LPRT", 500], ["LPRT", 501], ["LPRT", 521],
		["FEAT", 211], ["FEAT", 500], ["FEAT", 502],
		["OPTS", 200], ["OPTS", 451], ["OPTS", 501],
		["EPSV", 229], ["EPSV", 500], ["EPSV", 501],
		["EPRT", 200], ["EPRT", 500], ["EPRT", 501], ["EPRT", 522],
		["SIZE", 213], ["SIZE", 500], ["SIZE", 501], ["SIZE", 550],
		["MDTM", 213], ["MDTM", 500], ["MDTM", 501], ["MDTM", 550],
		["MLST", 150], ["MLST", 226], ["MLST", 250], ["MLST", 500], ["MLST", 501],
		["MLST", 550],
		["MLSD", 150], ["MLSD", 226], ["MLSD", 250], ["MLSD", 500], ["MLSD", 501],
		["MLSD", 550],
		["CLNT", 200], ["CLNT", 500],
		["MACB", 200], ["MACB", 500], ["MACB", 550],
		# Pairs seen although no standard has them.
		["<init>", 0],
		["<missing>", 0],
		["QUIT", 0],
	};
}

## Queues a command under its sequence number in the session.
function add_pending_cmd(pc: PendingCmds, seq: count, cmd: string, arg: string): CmdArg
	{
	local ca = CmdArg($ts=network_time(), $cmd=cmd, $arg=arg, $seq=seq);
	pc[ca$seq] = ca;
	return ca;
	}

## The pending command a reply most likely answers: one the code fits
## (500 fits all) scores 100, its name in the reply text 20 and its
## argument there 10; among equal scores the oldest wins.
function get_pending_cmd(pc: PendingCmds, reply_code: count, reply_msg: string): CmdArg
	{
	local best: CmdArg &is_assigned;
	local best_seq = 0;
	local best_score = -1;

	for ( seq, ca in pc )
		{
		local score = 0;
		if ( reply_code == 500 || [ca$cmd, reply_code] in cmd_reply_code )
			score += 100;
		if ( strstr(reply_msg, ca$cmd) > 0 )
			score += 20;
		if ( strstr(reply_msg, ca$arg) > 0 )
			score += 10;

		if ( score > best_score || (score == best_score && seq < best_seq) )
			{
			best_score = score;
			best_seq = seq;
			best = ca;
			}
		}

	return best;
	}

## Takes an answered command off the queue; F if it was not on it.
function remove_pending_cmd(pc: PendingCmds, ca: CmdArg): bool
	{
	if ( ca$seq !in pc )
		return F;
	delete pc[ca$seq];
	return T;
	}
