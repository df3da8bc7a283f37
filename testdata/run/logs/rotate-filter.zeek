# A filter with its own rotation interval and postprocessor: every two
# minutes its file goes to Log::default_rotation_dir, named
# PATH-YY-MM-DD_HH.MM.SS.log after the start of the period (the name for
# files with a postprocessor of their own), and the postprocessor sees
# its RotationInfo. The stream's default filter keeps the default
# interval, 0: its file does not rotate. At shutdown the open file
# rotates (terminating); a record written in zeek_done, after that, opens
# a new file, which is closed, not rotated.
# @TEST-PCAP: rotation.pcap

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		t: time &log;
		id: conn_id &log;
	};
}

redef Log::default_rotation_dir = "archive";

function archived(info: Log::RotationInfo): bool
	{
	print info;
	return T;
	}

global last: Info;

event zeek_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::add_filter(Test::LOG, [$name="rotating", $path="rotating", $interv=2min, $postprocessor=archived]);
	}

event new_connection(c: connection)
	{
	last = [$t=network_time(), $id=c$id];
	Log::write(Test::LOG, last);
	}

event zeek_done()
	{
	Log::write(Test::LOG, last);
	}
