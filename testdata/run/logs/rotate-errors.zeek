# When Log::rotation_format_func fails, the file is rotated all the same,
# to PATH-YY-MM-DD_HH.MM.SS.log in the current directory. A postprocessor
# returning F shuts its writer down with an error; the next write starts
# a new one, whose period begins then.
# @TEST-PCAP: rotation.pcap

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};
}

global names: table[string] of string = { ["refused"] = "refused" };

function fragile(ri: Log::RotationFmtInfo): Log::RotationPath
	{
	# There is no name for "test": an error.
	return [$file_basename=fmt("%s-%s", names[ri$path], strftime("%H%M%S", ri$open))];
	}

redef Log::rotation_format_func = fragile;

function refuse(info: Log::RotationInfo): bool
	{
	print fmt("refusing %s", info$fname);
	return F;
	}

global n = 0;

event zeek_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	local f = Log::get_filter(Test::LOG, "default");
	f$interv = 1min;
	Log::add_filter(Test::LOG, f);
	Log::add_filter(Test::LOG, [$name="refusing", $path="refused", $interv=1min, $postprocessor=refuse]);
	}

event new_connection(c: connection)
	{
	++n;
	if ( n <= 2 || n >= 6 )
		Log::write(Test::LOG, [$n=n]);
	}
