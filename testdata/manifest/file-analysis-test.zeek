# Our stand-in for Zeek's test helper file-analysis-test.zeek (described
# in ../shared/traces/SETUP.md, "Helper"), loaded before the test's own
# script: hashes and extraction for every file (or those of one source),
# a data-event analyser on each, and a line printed per file event.

@load base/files/hash
@load base/files/extract

redef FileExtract::prefix = "./";

## Only files of this source get analysers ("" means every file).
global test_file_analysis_source: string = "" &redef;
## The hash analysers attached.
global test_file_analyzers: set[Files::Tag];
## The extraction file name of a file ("" means no extraction).
global test_get_file_name: function(f: fa_file): string =
	function(f: fa_file): string { return ""; } &redef;
## Whether the data events print the data.
global test_print_file_data_events: bool = F &redef;

global file_count = 0;
global file_number: table[string] of count;

event zeek_init()
	{
	add test_file_analyzers[Files::ANALYZER_MD5];
	add test_file_analyzers[Files::ANALYZER_SHA1];
	add test_file_analyzers[Files::ANALYZER_SHA256];
	}

event file_chunk(f: fa_file, data: string, off: count)
	{
	if ( test_print_file_data_events )
		print "file_chunk", file_number[f$id], |data|, off, data;
	}

event file_stream(f: fa_file, data: string)
	{
	if ( test_print_file_data_events )
		print "file_stream", file_number[f$id], |data|, data;
	}

event file_new(f: fa_file)
	{
	file_number[f$id] = file_count;
	++file_count;
	print "FILE_NEW";
	print file_number[f$id], f$seen_bytes, f$missing_bytes;

	if ( test_file_analysis_source != "" && f$source != test_file_analysis_source )
		return;

	for ( tag in test_file_analyzers )
		Files::add_analyzer(f, tag);

	local name = test_get_file_name(f);
	if ( name != "" )
		Files::add_analyzer(f, Files::ANALYZER_EXTRACT, [$extract_filename=name]);

	Files::add_analyzer(f, Files::ANALYZER_DATA_EVENT, [$chunk_event=file_chunk, $stream_event=file_stream]);
	}

event file_over_new_connection(f: fa_file, c: connection, is_orig: bool)
	{
	print "FILE_OVER_NEW_CONNECTION";
	}

event file_timeout(f: fa_file)
	{
	print "FILE_TIMEOUT";
	}

event file_gap(f: fa_file, offset: count, len: count)
	{
	print "FILE_GAP";
	}

event file_state_remove(f: fa_file)
	{
	print "FILE_STATE_REMOVE";
	print file_number[f$id], f$seen_bytes, f$missing_bytes;
	if ( f?$total_bytes )
		print "total bytes: " + fmt("%s", f$total_bytes);
	}

event file_hash(f: fa_file, kind: string, hash: string)
	{
	print "file_hash", file_number[f$id], kind, hash;
	}
