# @TEST-PCAP: sample.pcap
# The blog's example, unmodified: a SIEM id per item from the feed's
# meta.siem_id column, collected into intel.log's siem_ids by an
# extend_match hook. The address has no id: its siem_ids stays unset.
@load base/protocols/http
@load base/frameworks/intel
@load frameworks/intel/seen

redef Intel::read_files += { "../intel/siem.dat" };

redef record Intel::MetaData += {
	siem_id: string &optional;
};

redef record Intel::Info += {
	siem_ids: set[string] &optional &log;
};

hook Intel::extend_match(info: Intel::Info, s: Intel::Seen, items: set[Intel::Item])
	{
	for ( item in items )
		{
		if ( item$meta?$siem_id )
			{
			if ( ! info?$siem_ids )
				info$siem_ids = set();
			add info$siem_ids[item$meta$siem_id];
			}
		}
	}
