package pcapgen

import (
	"net/netip"
	"strings"
	"time"
)

// SMTPMailStart is the first packet time of the SMTP mail trace.
var SMTPMailStart = time.Date(2024, 4, 2, 9, 30, 0, 0, time.UTC)

// SMTPMail describes testdata/pcap/smtp-mail.pcap, for the seen scripts
// that look into mails (testdata/run/intel-policy-seen-smtp*.zeek): one
// SMTP session from 10.0.0.2 to 192.0.2.25 delivering a multipart mail
// whose text part names two URLs (one of them twice) and whose HTML
// part links a third.
func SMTPMail() []Conversation {
	mail := strings.Join([]string{
		"From: Alice <alice@gobro.test>",
		"To: bob@example.test",
		"Subject: links",
		"MIME-Version: 1.0",
		`Content-Type: multipart/alternative; boundary="b1"`,
		"",
		"--b1",
		"Content-Type: text/plain",
		"",
		"Read http://www.example.com/report.pdf and then",
		"https://Login.Example.NET:8443/reset?user=bob today.",
		"Again: http://www.example.com/report.pdf",
		"--b1",
		"Content-Type: text/html",
		"",
		`<a href="ftp://files.example.org/pub/x.zip">x</a>`,
		"--b1--",
		".",
		"",
	}, "\r\n")
	return []Conversation{TCP{
		Orig: netip.MustParseAddrPort("10.0.0.2:49300"),
		Resp: netip.MustParseAddrPort("192.0.2.25:25"),
		Messages: []Message{
			Resp("220 mail.example.test ESMTP\r\n"),
			Req("EHLO client.gobro.test\r\n"),
			Resp("250 mail.example.test\r\n"),
			Req("MAIL FROM:<alice@gobro.test>\r\n"),
			Resp("250 OK\r\n"),
			Req("RCPT TO:<bob@example.test>\r\n"),
			Resp("250 OK\r\n"),
			Req("DATA\r\n"),
			Resp("354 go ahead\r\n"),
			Req(mail),
			Resp("250 OK queued\r\n"),
			Req("QUIT\r\n"),
			Resp("221 bye\r\n"),
		},
		End: Close,
	}}
}

// SMTPMailBytes is the SMTP mail trace as written.
func SMTPMailBytes() []byte { return traceBytes(SMTPMailStart, SMTPMail()) }
