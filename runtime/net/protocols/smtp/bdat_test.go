package smtp

import (
	"fmt"
	"strings"
	"testing"
)

// bdatSession delivers a session whose client sends the mail in BDAT
// chunks: each chunk goes in the same delivery as its command, the
// second splits a line, the last has no final line end.
func bdatSession(f *fake, maxLine int) {
	a := New(f)
	a.bdat.maxLine = maxLine
	chunks := []string{
		"Subject: chunked\r\nTo: <d@e.f>\r\n\r\nfirst li",
		"ne\r\n.not unstuffed\r\n",
		"0123456789abc",
	}
	srv := func(s string) { a.Deliver(false, []byte(s)) }
	cli := func(s string) { a.Deliver(true, []byte(s)) }
	srv("220 mx ready\r\n")
	cli("EHLO client\r\n")
	srv("250-mx hello\r\n250 CHUNKING\r\n")
	cli("MAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\n")
	srv("250 ok\r\n250 ok\r\n")
	cli(fmt.Sprintf("BDAT %d\r\n%sBDAT %d\r\n%s", len(chunks[0]), chunks[0], len(chunks[1]), chunks[1]))
	cli(fmt.Sprintf("BDAT %d LAST\r\n%s", len(chunks[2]), chunks[2]))
	srv("250 chunk 1\r\n250 chunk 2\r\n250 queued\r\n")
	cli("BDAT x\r\nQUIT\r\n")
	srv("503 no mail\r\n221 bye\r\n")
	a.Done()
}

// A mail in BDAT chunks is read as mail data: lines may span chunks, no
// dot-unstuffing, the last chunk's partial line ends the mail, and the
// reply to BDAT LAST ends the transaction. An invalid BDAT is reported
// and answered but changes nothing.
func TestBDAT(t *testing.T) {
	f := &fake{}
	bdatSession(f, 0)
	check(t, f.log, `
smtp_reply(0, 220, ">", "mx ready", 0)
confirm
smtp_request(1, "EHLO", "client")
smtp_reply(0, 250, "EHLO", "mx hello", 1)
smtp_reply(0, 250, "EHLO", "CHUNKING", 0)
smtp_request(1, "MAIL", "FROM:<a@b.c>")
smtp_request(1, "RCPT", "TO:<d@e.f>")
smtp_reply(0, 250, "MAIL", "ok", 0)
smtp_reply(0, 250, "RCPT", "ok", 0)
smtp_request(1, "BDAT", "41")
mime_begin_entity()
mime_one_header(["Subject" "SUBJECT" "chunked"])
mime_one_header(["To" "TO" "<d@e.f>"])
mime_all_headers({1=["Subject" "SUBJECT" "chunked"] 2=["To" "TO" "<d@e.f>"]})
smtp_request(1, "BDAT", "20")
mime_segment_data(12, "first line\r\n")
file true "first line\r\n"
mime_segment_data(16, ".not unstuffed\r\n")
file true ".not unstuffed\r\n"
smtp_request(1, "BDAT", "13 LAST")
mime_segment_data(15, "0123456789abc\r\n")
file true "0123456789abc\r\n"
mime_content_hash(43, "\x10\xdfg>]\x17\xe1<\r\x82\xc0\x91;\xf8\xf6\xb9")
mime_entity_data(43, "first line\r\n.not unstuffed\r\n0123456789abc\r\n")
mime_end_entity()
file end true
mime_all_data(43, "first line\r\n.not unstuffed\r\n0123456789abc\r\n")
smtp_reply(0, 250, "BDAT", "chunk 1", 0)
smtp_reply(0, 250, "BDAT", "chunk 2", 0)
smtp_reply(0, 250, "BDAT", "queued", 0)
smtp_unexpected(1, "invalid BDAT command", "x")
smtp_request(1, "BDAT", "x")
smtp_request(1, "QUIT", "")
smtp_reply(0, 503, "BDAT", "no mail", 0)
smtp_reply(0, 221, "QUIT", "bye", 0)
`)
}

// Lines longer than SMTP::bdat_max_line_length (here 8) are cut there,
// with a weird each time; a line of exactly 8 and its CRLF is not cut.
// ("Subject:" and " chunked" still make one header: the second line is
// a continuation.)
func TestBDATLongLine(t *testing.T) {
	f := &fake{}
	bdatSession(f, 8)
	var got []string
	for _, l := range f.log {
		if strings.HasPrefix(l, "weird") || strings.HasPrefix(l, "mime_entity_data") {
			got = append(got, l)
		}
	}
	check(t, got, `
weird SMTP smtp_bdat_line_too_long
weird SMTP smtp_bdat_line_too_long
weird SMTP smtp_bdat_line_too_long
weird SMTP smtp_bdat_line_too_long
weird SMTP smtp_bdat_line_too_long
mime_entity_data(49, "first li\r\nne\r\n.not uns\r\ntuffed\r\n01234567\r\n89abc\r\n")
`)
}
