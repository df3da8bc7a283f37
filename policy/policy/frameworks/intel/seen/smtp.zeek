##! Reports what a mail's envelope and headers name to the intel
##! framework once its top-level entity ends: the relay path's hosts
##! (Received headers), the mailer (SOFTWARE), X-Originating-IP, and the
##! e-mail addresses of MAIL FROM, RCPT TO, From, To, Cc and Reply-To.

@load base/frameworks/intel
@load base/protocols/smtp
@load base/utils/email
@load ./where-locations

function seen_emails(c: connection, text: string, where: Intel::Where)
	{
	for ( email in extract_email_addrs_set(text) )
		Intel::seen([$indicator=email, $indicator_type=Intel::EMAIL, $conn=c,
		             $where=where]);
	}

event mime_end_entity(c: connection)
	{
	if ( ! c?$smtp )
		return;

	local rec = c$smtp;

	if ( rec?$path )
		for ( i, host in rec$path )
			Intel::seen([$host=host, $conn=c, $where=SMTP::IN_RECEIVED_HEADER]);

	if ( rec?$user_agent )
		Intel::seen([$indicator=rec$user_agent, $indicator_type=Intel::SOFTWARE,
		             $conn=c, $where=SMTP::IN_HEADER]);

	if ( rec?$x_originating_ip )
		Intel::seen([$host=rec$x_originating_ip, $conn=c,
		             $where=SMTP::IN_X_ORIGINATING_IP_HEADER]);

	if ( rec?$mailfrom )
		seen_emails(c, rec$mailfrom, SMTP::IN_MAIL_FROM);

	if ( rec?$rcptto )
		for ( rcpt in rec$rcptto )
			seen_emails(c, rcpt, SMTP::IN_RCPT_TO);

	if ( rec?$from )
		seen_emails(c, rec$from, SMTP::IN_FROM);

	if ( rec?$to )
		for ( to in rec$to )
			seen_emails(c, to, SMTP::IN_TO);

	if ( rec?$cc )
		for ( cc in rec$cc )
			seen_emails(c, cc, SMTP::IN_CC);

	if ( rec?$reply_to )
		seen_emails(c, rec$reply_to, SMTP::IN_REPLY_TO);
	}
