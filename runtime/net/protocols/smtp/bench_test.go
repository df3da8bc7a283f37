package smtp

import (
	"encoding/base64"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/net/protocols/exchange"
	"github.com/gobro/gobro/runtime/value"
)

// smtpSession is the input of BenchmarkAnalyzer and what it must raise.
type smtpSession struct {
	exchange.Exchange
	mails                         int
	requests, replies, dataLines  int
	headers, entities, multiparts int
}

func (s *smtpSession) command(line string) {
	s.Send(true, []byte(line+"\r\n"))
	s.requests++
}

func (s *smtpSession) reply(lines ...string) {
	s.Send(false, []byte(strings.Join(lines, "\r\n")+"\r\n"))
	s.replies += len(lines)
}

// data sends one line of mail data, dot-stuffed.
func (s *smtpSession) data(line string) {
	if strings.HasPrefix(line, ".") {
		line = "." + line
	}
	s.Send(true, []byte(line+"\r\n"))
	s.dataLines++
}

// header sends a header, folded where it has "\n".
func (s *smtpSession) header(h string) {
	for _, l := range strings.Split(h, "\n") {
		s.data(l)
	}
	s.headers++
}

var benchWords = strings.Fields("the a of to is it that in you and for on with this but not was have what " +
	"please find attached report quarterly figures meeting agenda minutes review budget invoice " +
	"regards thanks schedule project update status team next week monday deadline draft final")

// newSMTPSession builds one ESMTP session delivering n mails of about
// 20 KB each: a pipelined MAIL, RCPTs and DATA, then the message. Two
// mails in three are plain text; the third is multipart/mixed with a
// quoted-printable text part and a base64 PDF attachment.
func newSMTPSession(n int) *smtpSession {
	rng := rand.New(rand.NewPCG(5, 6))
	text := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(benchWords[rng.IntN(len(benchWords))])
		}
		return b.String()
	}
	s := &smtpSession{}
	s.reply("220 mx.example.org ESMTP Postfix (Debian/GNU)")
	s.command("EHLO client.example.net")
	s.reply("250-mx.example.org", "250-PIPELINING", "250-SIZE 52428800", "250-ETRN",
		"250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-DSN", "250 SMTPUTF8")
	for i := range n {
		s.command(fmt.Sprintf("MAIL FROM:<sender%d@example.net> SIZE=%d", i%17, 20000+i))
		rcpts := 1 + i%3
		for r := range rcpts {
			s.command(fmt.Sprintf("RCPT TO:<user%d@example.org>", (i+r)%50))
		}
		s.command("DATA")
		s.reply("250 2.1.0 Ok")
		for range rcpts {
			s.reply("250 2.1.5 Ok")
		}
		s.reply("354 End data with <CR><LF>.<CR><LF>")

		s.header(fmt.Sprintf("Received: from client.example.net (client.example.net [198.51.100.%d])\n"+
			"\tby mx.example.org (Postfix) with ESMTPS id 4Z%06X\n"+
			"\tfor <user%d@example.org>; Tue, 4 Mar 2025 10:%02d:%02d +0000 (UTC)", i%250, i, i%50, i%60, i%60))
		s.header(fmt.Sprintf("From: Sender %d <sender%d@example.net>", i%17, i%17))
		s.header(fmt.Sprintf("To: user%d@example.org", i%50))
		s.header("Subject: " + text(40))
		s.header(fmt.Sprintf("Date: Tue, 4 Mar 2025 10:%02d:%02d +0000", i%60, i%60))
		s.header(fmt.Sprintf("Message-ID: <%08x.%d@client.example.net>", rng.Uint32(), i))
		s.header("MIME-Version: 1.0")
		s.entities++
		if i%3 != 2 {
			s.header("Content-Type: text/plain; charset=us-ascii")
			s.header("Content-Transfer-Encoding: 7bit")
			s.data("")
			for size := 0; size < 20000; {
				l := text(66)
				s.data(l)
				size += len(l) + 2
			}
			s.data("-- ")
			s.data(".signature with a leading dot")
		} else {
			s.multiparts++
			boundary := fmt.Sprintf("----=_Part_%d_%08x", i, rng.Uint32())
			s.header(fmt.Sprintf("Content-Type: multipart/mixed;\n\tboundary=\"%s\"", boundary))
			s.data("")
			s.data("This is a multi-part message in MIME format.")
			s.data("--" + boundary)
			s.header("Content-Type: text/plain; charset=utf-8")
			s.header("Content-Transfer-Encoding: quoted-printable")
			s.data("")
			for size := 0; size < 4000; {
				l := text(50) + " r=C3=A9sum=C3=A9="
				s.data(l)
				size += len(l) + 2
			}
			s.data("end of text")
			s.data("--" + boundary)
			s.header("Content-Type: application/pdf; name=\"report.pdf\"")
			s.header("Content-Transfer-Encoding: base64")
			s.header("Content-Disposition: attachment; filename=\"report.pdf\"")
			s.data("")
			pdf := make([]byte, 12000)
			for j := range pdf {
				pdf[j] = byte(rng.Uint32())
			}
			enc := base64.StdEncoding.EncodeToString(pdf)
			for len(enc) > 0 {
				k := min(len(enc), 76)
				s.data(enc[:k])
				enc = enc[k:]
			}
			s.data("--" + boundary + "--")
			s.entities += 2
		}
		s.Send(true, []byte(".\r\n"))
		s.requests++
		s.reply(fmt.Sprintf("250 2.0.0 Ok: queued as 4Z%06X", i))
		s.mails++
	}
	s.command("QUIT")
	s.reply("221 2.0.0 Bye")
	s.Flush()
	return s
}

// countingHost handles every event and keeps only counts, enough to
// tell the benchmark parsed its input rather than rejected it.
type countingHost struct {
	requests, replies, dataLines int
	headers, begun, ended, mails int
	exchange.Complaints          // and smtp_unexpected, mime_event
}

func (h *countingHost) Confirm()                            {}
func (h *countingHost) Handled(string) bool                 { return true }
func (h *countingHost) Type(name string) types.Type         { return fakeTypes[name] }
func (h *countingHost) FileData(isOrig bool, data []byte)   {}
func (h *countingHost) FileEnd(isOrig bool)                 {}
func (h *countingHost) NewRecord(name string) *value.Record { return fakeRecord(name) }
func (h *countingHost) StartTLS() func(bool, []byte)        { return nil }
func (h *countingHost) Raise(event string, args ...value.Value) {
	switch event {
	case "smtp_data":
		h.dataLines++
	case "mime_one_header":
		h.headers++
	case "smtp_request":
		h.requests++
	case "smtp_reply":
		h.replies++
	case "mime_begin_entity":
		h.begun++
	case "mime_end_entity":
		h.ended++
	case "mime_content_hash":
		h.mails++
	case "smtp_unexpected":
		h.Complain(fmt.Sprintf("%s %s %s", event, args[1].Str(), args[2].Str()))
	case "mime_event":
		h.Complain(fmt.Sprintf("%s %s %s", event, args[0].Str(), args[1].Str()))
	}
}

// check reports what differs from n runs over s.
func (h *countingHost) check(s *smtpSession, n int) error {
	if h.Bad != "" {
		return fmt.Errorf("%s", h.Bad)
	}
	got := [...]int{h.requests, h.replies, h.dataLines, h.headers, h.begun, h.ended, h.mails}
	want := [...]int{s.requests * n, s.replies * n, s.dataLines * n, s.headers * n, s.entities * n, s.entities * n, s.mails * n}
	if got != want {
		return fmt.Errorf("requests, replies, data lines, headers, entities begun, ended, mails: got %v, want %v", got, want)
	}
	return nil
}

// BenchmarkAnalyzer runs one SMTP session delivering 200 mails of about
// 20 KB per iteration: the mail data, its MIME parsing and decoding,
// dominate.
func BenchmarkAnalyzer(b *testing.B) {
	s := newSMTPSession(200)
	h := &countingHost{}
	b.SetBytes(int64(s.Total))
	b.ReportAllocs()
	for b.Loop() {
		s.Feed(New(h))
	}
	if err := h.check(s, b.N); err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(h.mails)/b.Elapsed().Seconds(), "mails/s")
}
