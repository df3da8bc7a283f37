##! Reports the URLs written in mails to the intel framework: every file
##! an SMTP session carries (a message's text parts and attachments) is
##! searched as it streams, and each URL found is seen as an indicator of
##! type URL, without its scheme, at SMTP::IN_MESSAGE.
##!
##! The data is searched chunk by chunk as it arrives, so a URL split
##! across two chunks is missed.

@load base/frameworks/intel
@load base/protocols/smtp
@load base/utils/urls
@load ./where-locations

event intel_mime_data(f: fa_file, data: string)
	{
	if ( ! f?$conns )
		return;

	local urls = find_all_urls_without_scheme(data);
	for ( _, c in f$conns )
		if ( c?$smtp )
			for ( url in urls )
				Intel::seen([$indicator=url, $indicator_type=Intel::URL,
				             $conn=c, $where=SMTP::IN_MESSAGE]);
	}

event file_new(f: fa_file)
	{
	if ( f$source == "SMTP" )
		Files::add_analyzer(f, Files::ANALYZER_DATA_EVENT,
		                    [$stream_event=intel_mime_data]);
	}
