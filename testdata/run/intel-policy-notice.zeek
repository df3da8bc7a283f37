# @TEST-PCAP: intel-days.pcap
# do_notice: an Intel::Notice per hit on an item with meta.do_notice,
# only where meta.if_in says. The identifier (indicator and both hosts,
# whichever side started) lets the 12hr suppression swallow the hit on
# the connection 192.0.2.80 opens back to 10.0.0.2, until a day later.
# The mail sections name the services and the source.
@load base/protocols/http
@load base/protocols/dns
@load base/frameworks/intel
@load frameworks/intel/seen
@load frameworks/intel/do_notice

redef Intel::read_files += { "../intel/notice.dat" };

redef Notice::type_suppression_intervals += {
	[Intel::Notice] = 12hr,
};

event Notice::log_notice(rec: Notice::Info)
	{
	print network_time(), "notice", rec$msg, rec$sub, rec$src, rec$dst, rec$suppress_for;
	}

hook Notice::notice(n: Notice::Info)
	{
	print network_time(), "identifier", n$identifier, n$email_body_sections;
	}

event Notice::suppressed(n: Notice::Info)
	{
	print network_time(), "suppressed", n$msg, n$conn$id$orig_h, n$conn$id$resp_h;
	}
