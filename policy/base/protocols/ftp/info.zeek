##! The FTP session state, which is also the ftp.log record.

@load ./utils-commands

module FTP;

export {
	## Whether passwords other than guests' are logged as they are.
	option default_capture_password = F;

	## Where a data channel is expected to come from and go to.
	type ExpectedDataChannel: record {
		## Whether the server opens the port (PASV/EPSV).
		passive: bool &log;
		## The data connection's originator.
		orig_h: addr &log;
		## The data connection's responder.
		resp_h: addr &log;
		## The port it connects to.
		resp_p: port &log;
	};

	## One ftp.log record: a command, its reply and the session's state.
	type Info: record {
		## When the command was sent.
		ts: time &log;
		## The control connection's uid.
		uid: string &log;
		## The control connection's id.
		id: conn_id &log;
		## The user name of the session.
		user: string &log &default="<unknown>";
		## The password, when it is logged.
		password: string &log &optional;
		## The command.
		command: string &log &optional;
		## Its argument; for file commands the file's ftp:// URL.
		arg: string &log &optional;
		## The transferred file's sniffed type.
		mime_type: string &log &optional;
		## The transferred file's size, as the server announced it.
		file_size: count &log &optional;
		## The reply's code.
		reply_code: count &log &optional;
		## The reply's text.
		reply_msg: string &log &optional;
		## The data channel this command set up.
		data_channel: ExpectedDataChannel &log &optional;

		## The working directory; "." until a reply tells.
		cwd: string &default=".";
		## The command the latest reply answered.
		cmdarg: CmdArg &optional;
		## The commands waiting for replies.
		pending_commands: PendingCmds;
		## The sequence number of the latest command.
		command_seq: count &default=0;
		## Whether the session is in passive mode.
		passive: bool &default=F;
		## Whether this session's password is logged as it is.
		capture_password: bool &default=default_capture_password;
		## Whether a logged command was seen.
		logged_command_seen: bool &default=F;

		## The transferred file's id.
		fuid: string &log &optional;
	};
}
