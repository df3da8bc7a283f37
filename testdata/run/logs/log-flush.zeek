# Rows are buffered: Log::flush writes out what a stream's files hold,
# and Log::set_buf(id, F) makes every write reach its file at once (for
# the files the stream has open then). The header is written when a file
# opens.

module Test;

export {
	redef enum Log::ID += { LOG };

	type Info: record {
		msg: string &log;
	};
}

event zeek_init()
	{
	Log::create_stream(Test::LOG, [$columns=Info]);
	Log::write(Test::LOG, [$msg="one"]);
	local header = file_size("test.log");
	print file_size("test.log") - header;
	print Log::flush(Test::LOG);
	print file_size("test.log") - header;
	Log::write(Test::LOG, [$msg="two"]);
	print file_size("test.log") - header;
	print Log::set_buf(Test::LOG, F);
	print file_size("test.log") - header;
	Log::write(Test::LOG, [$msg="three"]);
	print file_size("test.log") - header;
	print Log::flush(Log::UNKNOWN), Log::set_buf(Log::UNKNOWN, T);
	}
