# Log::default_rotation_interval rotates every log: a file closes at the
# first packet of a new minute (network time, counted from local
# midnight), is renamed PATH.DATE.log after the start of its period and
# handed to Log::default_rotation_postprocessor_cmd with its name, the
# path, the period, 1 or 0 for terminating and the writer as arguments
# (and Log::default_rotation_postprocessor_cmd_env in its environment).
# The files still open rotate at shutdown. A log written only in
# zeek_init, at network time 0, begins its period at the first packet;
# the periods it has nothing in leave no file.
# @TEST-PCAP: rotation.pcap

module Test;

export {
	redef enum Log::ID += { LOG, INIT_LOG };

	type Info: record {
		t: time &log;
		id: conn_id &log;
	};

	type Note: record {
		msg: string &log;
	};
}

redef Log::default_rotation_interval = 1min;
redef Log::default_rotation_postprocessor_cmd = "echo \"$ZEEK_ARG_SITE\" >>postprocessed.txt";
redef Log::default_rotation_postprocessor_cmd_env = { ["site"] = "lab" };

event zeek_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::create_stream(Test::INIT_LOG, [$columns=Note]);
	Log::write(Test::INIT_LOG, [$msg="written in zeek_init"]);
	}

event new_connection(c: connection)
	{
	Log::write(Test::LOG, [$t=network_time(), $id=c$id]);
	}
