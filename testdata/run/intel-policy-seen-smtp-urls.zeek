# @TEST-PCAP: smtp-mail.pcap
# seen/smtp-url-extraction: the URLs in a mail's text and HTML parts are
# seen without their scheme at SMTP::IN_MESSAGE, once per URL and chunk
# (the twice-written one is one member of the chunk's set); an item
# matches regardless of case. The mail's addresses come from seen/smtp.
@load base/protocols/smtp
@load base/frameworks/intel
@load frameworks/intel/seen

hook Intel::seen_policy(s: Intel::Seen, found: bool)
	{
	print s$indicator, s$indicator_type, s$where, found;
	}

event zeek_init()
	{
	Intel::insert([$indicator="www.example.com/report.pdf", $indicator_type=Intel::URL, $meta=[$source="urls"]]);
	Intel::insert([$indicator="login.example.net:8443/reset?user=bob", $indicator_type=Intel::URL, $meta=[$source="phish"]]);
	}
