package smtp

import (
	"strings"
	"testing"
)

// run feeds a conversation (lines starting "C: " from the client, "S: "
// from the server, each sent as one delivery with CRLF) and returns
// what the analyser reported.
func run(conv string) []string {
	f := &fake{}
	a := New(f)
	for _, l := range strings.Split(strings.TrimSpace(conv), "\n") {
		a.Deliver(strings.HasPrefix(l, "C: "), []byte(strings.ReplaceAll(l[3:], `\n`, "\r\n")+"\r\n"))
	}
	a.Done()
	return f.log
}

func check(t *testing.T, got []string, want string) {
	t.Helper()
	if g := strings.Join(got, "\n"); g != strings.TrimSpace(want) {
		t.Errorf("got:\n%s\nwant:\n%s", g, strings.TrimSpace(want))
	}
}

// A pipelined session as in smtp-multi-addr.pcap: the replies name the
// commands they answer, and the mail's events nest between DATA and ".".
func TestPipelinedMail(t *testing.T) {
	check(t, run(`
S: 220 mx ready
C: EHLO client
S: 250-mx hello\n250 PIPELINING
C: MAIL From:<a@b.c> SIZE=5
C: RCPT To:<d@e.f>\nDATA
S: 250 sender ok\n250 rcpt ok\n354 go ahead
C: Subject: hi\n  there\nTo: <d@e.f>\n\n..dot\nline
C: .
S: 250 queued
C: QUIT
S: 221 bye
`), `
smtp_reply(0, 220, ">", "mx ready", 0)
confirm
smtp_request(1, "EHLO", "client")
smtp_reply(0, 250, "EHLO", "mx hello", 1)
smtp_reply(0, 250, "EHLO", "PIPELINING", 0)
smtp_request(1, "MAIL", "From:<a@b.c> SIZE=5")
smtp_request(1, "RCPT", "To:<d@e.f>")
smtp_request(1, "DATA", "")
mime_begin_entity()
smtp_reply(0, 250, "MAIL", "sender ok", 0)
smtp_reply(0, 250, "RCPT", "rcpt ok", 0)
smtp_reply(0, 354, "DATA", "go ahead", 0)
smtp_data(1, "Subject: hi")
smtp_data(1, "  there")
mime_one_header(["Subject" "SUBJECT" "hi  there"])
smtp_data(1, "To: <d@e.f>")
mime_one_header(["To" "TO" "<d@e.f>"])
mime_all_headers({1=["Subject" "SUBJECT" "hi  there"] 2=["To" "TO" "<d@e.f>"]})
smtp_data(1, "")
mime_segment_data(6, ".dot\r\n")
file true ".dot\r\n"
smtp_data(1, ".dot")
mime_segment_data(6, "line\r\n")
file true "line\r\n"
smtp_data(1, "line")
mime_content_hash(12, "\u0669h\x02\x86d\xe9l\x95\xae\xd3\xeb\xbb\xf4% ")
mime_entity_data(12, ".dot\r\nline\r\n")
mime_end_entity()
file end true
mime_all_data(12, ".dot\r\nline\r\n")
smtp_request(1, ".", "")
smtp_reply(0, 250, ".", "queued", 0)
smtp_request(1, "QUIT", "")
smtp_reply(0, 221, "QUIT", "bye", 0)
`)
}

// A multipart mail: each part is an entity of its own and a file, the
// base64 part decoded; the last line end of a part belongs to the
// boundary.
func TestMultipart(t *testing.T) {
	f2 := &fake{}
	b := New(f2)
	b.state = stInData
	b.mail = newMail(b, true)
	for _, l := range strings.Split("Content-Type: multipart/mixed; boundary=\"xx\"\n\npreamble\n--xx\n\nline 1\nline 2\n--xx\nContent-Transfer-Encoding: base64\n\naGVs\nbG8=\n--xx--\nepilogue", "\n") {
		b.mail.deliver([]byte(l))
	}
	b.endData()
	var got []string
	for _, l := range f2.log {
		if strings.HasPrefix(l, "file") || strings.HasPrefix(l, "mime_begin") || strings.HasPrefix(l, "mime_end") || strings.HasPrefix(l, "mime_event") {
			got = append(got, l)
		}
	}
	check(t, got, `
mime_begin_entity()
mime_begin_entity()
file true "line 1"
file true "\r\nline 2"
mime_end_entity()
file end true
mime_begin_entity()
file true "hel"
file true "lo"
mime_end_entity()
file end true
mime_end_entity()
`)
}

// STARTTLS answered with 220: smtp_starttls comes before the reply's
// event, and the bytes after the reply go to SSL.
func TestStartTLS(t *testing.T) {
	f := &fake{}
	a := New(f)
	a.Deliver(false, []byte("220 mx\r\n"))
	a.Deliver(true, []byte("EHLO c\r\n"))
	a.Deliver(false, []byte("250 mx\r\n"))
	f.log = nil
	a.Deliver(true, []byte("STARTTLS\r\n"))
	a.Deliver(false, []byte("220 go ahead\r\n\x16\x03\x03"))
	a.Deliver(true, []byte("\x16\x03\x01"))
	check(t, f.log, `
smtp_request(1, "STARTTLS", "")
start SSL
smtp_starttls()
smtp_reply(0, 220, "STARTTLS", "go ahead", 0)
SSL false "\x16\x03\x03"
`)
}

// Replies without a valid code break the protocol; a gap ends the mail
// and recovers at the next reply.
func TestViolationAndGap(t *testing.T) {
	f := &fake{}
	a := New(f)
	a.Deliver(false, []byte("hello\r\n"))
	a.Deliver(true, []byte("EHLO c\r\nMAIL FROM:<a@b>\r\nRCPT TO:<c@d>\r\nDATA\r\nSubject: x\r\n"))
	f.log = nil
	a.Gap(true, 100)
	a.Deliver(true, []byte("lost\r\n"))
	a.Deliver(false, []byte("250 ok\r\n"))
	check(t, f.log, `
smtp_unexpected(1, "content gap", "seq = 58, len = 100")
mime_content_hash(0, "\xd4\x1d\x8c\u064f\x00\xb2\x04\xe9\x80\t\x98\xec\xf8B~")
mime_one_header(["Subject" "SUBJECT" "x"])
mime_all_headers({1=["Subject" "SUBJECT" "x"]})
mime_event("illegal format", "entity body missing")
mime_entity_data(0, "")
mime_end_entity()
mime_all_data(0, "")
smtp_request(1, "(UNKNOWN)", "")
smtp_reply(0, 250, "(UNKNOWN)", "ok", 0)
`)
}
