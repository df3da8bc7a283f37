# @TEST-PCAP: http-exchange.pcap
# seen/file-hashes reports every hash the file analysis computes at
# Files::IN_HASH, with the file: intel.log then names its fuid, MIME type
# and description. (This script asks for MD5 of every file.)
@load base/protocols/http
@load base/frameworks/intel
@load frameworks/intel/seen

# The trace was recorded on a veth link (checksums offloaded).
redef ignore_checksums = T;

event file_new(f: fa_file)
	{
	Files::add_analyzer(f, Files::ANALYZER_MD5);
	}

hook Intel::seen_policy(s: Intel::Seen, found: bool)
	{
	if ( s$where == Files::IN_HASH )
		print network_time(), s$indicator, s$indicator_type, s$f$id, found;
	}

event zeek_init()
	{
	# The MD5 of /hello's body, fetched twice.
	Intel::insert([$indicator="22c3683b094136c3398391ae71b20f04", $indicator_type=Intel::FILE_HASH,
	               $meta=[$source="hashes"]]);
	}
