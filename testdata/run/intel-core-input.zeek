# Intel::read_files through the input framework: Intel::path_prefix
# before a relative name, a #fields header with an extra meta.siem_id
# column filling a redef'd MetaData field, and bad lines (unknown type,
# bad address, missing columns, binary junk, a huge line of junk, an
# unparsable number) each reported once while every good line loads.
# @TEST-PCAP: intel-days.pcap
@load base/frameworks/intel

redef Intel::path_prefix = "../run/";
redef Intel::read_files += { "intel-core-input.dat" };

redef record Intel::MetaData += {
	siem_id: count &optional;
};

redef record Intel::Info += {
	siem_ids: set[count] &log &optional;
};

hook Intel::extend_match(info: Intel::Info, s: Intel::Seen, items: set[Intel::Item])
	{
	for ( item in items )
		if ( item$meta?$siem_id )
			{
			if ( ! info?$siem_ids )
				info$siem_ids = set();
			add info$siem_ids[item$meta$siem_id];
			}
	}

event Input::end_of_data(name: string, source: string)
	{
	print "end_of_data", name, source, Intel::__size();
	}

global done = F;

event new_connection(c: connection)
	{
	if ( done )
		return;
	done = T;
	Intel::seen([$host=192.0.2.80, $conn=c, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$host=10.1.2.3, $conn=c, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="EVIL.EXAMPLE", $indicator_type=Intel::DOMAIN, $conn=c, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="http://x.example/a", $indicator_type=Intel::URL, $conn=c, $where=Intel::IN_ANYWHERE]);
	Intel::seen([$indicator="only.example", $indicator_type=Intel::DOMAIN, $conn=c, $where=Intel::IN_ANYWHERE]);
	}
