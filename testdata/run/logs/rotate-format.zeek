# Log::rotation_format_func names rotated files: here by-path/PATH/
# (made when missing) and the bounds of the period. It is asked at every
# rotation, also for a period nothing was written in, but only a file
# written to is rotated.
# @TEST-PCAP: rotation.pcap

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		n: count &log;
	};
}

redef Log::default_rotation_interval = 1min;

function by_path(ri: Log::RotationFmtInfo): Log::RotationPath
	{
	print fmt("%s %s %s-%s terminating=%s postprocessor=%s", ri$writer, ri$path,
	          strftime("%H:%M:%S", ri$open), strftime("%H:%M:%S", ri$close),
	          ri$terminating, ri?$postprocessor);
	return [$dir=fmt("by-path/%s", ri$path),
	        $file_basename=fmt("%s_%s_%s", ri$path, strftime("%H%M%S", ri$open),
	                           strftime("%H%M%S", ri$close))];
	}

redef Log::rotation_format_func = by_path;

global n = 0;

event zeek_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	}

event new_connection(c: connection)
	{
	++n;
	# Nothing is logged from 00:01:40 to 00:04:10.
	if ( n <= 3 || n == 10 )
		Log::write(Test::LOG, [$n=n]);
	}
