package ftp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gobro/gobro/runtime/net/protocols/exchange"
	"github.com/gobro/gobro/runtime/value"
)

// ftpSession is the input of BenchmarkAnalyzer and what it must raise.
type ftpSession struct {
	exchange.Exchange
	requests, replies int // events: commands, reply lines
}

func (s *ftpSession) command(line string) {
	s.Send(true, []byte(line+"\r\n"))
	s.requests++
}

// reply sends reply lines in one segment (a multi-line reply is one
// write of the server).
func (s *ftpSession) reply(lines ...string) {
	s.Send(false, []byte(strings.Join(lines, "\r\n")+"\r\n"))
	s.replies += len(lines)
	s.Flush()
}

// newFTPSession builds the control connection of a mirroring client:
// a login, then for each file a CWD, PASV and RETR with the server's
// 150 and, once the data connection is done, 226; now and then a FEAT
// or STAT with a multi-line reply. It stops after about n commands.
func newFTPSession(n int) *ftpSession {
	s := &ftpSession{}
	s.reply("220-Welcome to the example.org mirror.", "220-All transfers are logged.", "220 (vsFTPd 3.0.5)")
	s.command("USER anonymous")
	s.reply("331 Please specify the password.")
	s.command("PASS mirror@example.net")
	s.reply("230-Be nice.", "230 Login successful.")
	s.command("SYST")
	s.reply("215 UNIX Type: L8")
	s.command("TYPE I")
	s.reply("200 Switching to Binary mode.")
	for i := 0; s.requests < n; i++ {
		switch {
		case i%200 == 0:
			s.command("FEAT")
			s.reply("211-Features:", " EPRT", " EPSV", " MDTM", " PASV", " REST STREAM", " SIZE", " TVFS", " UTF8", "211 End")
		case i%200 == 100:
			s.command("STAT")
			s.reply("211-FTP server status:", "     Connected to 198.51.100.7", "     Logged in as ftp",
				"     TYPE: BINARY", "     Session bandwidth limit in byte/s is 1048576",
				"     Control connection is plain text", "     Data connections will be plain text",
				"211 End of status")
		}
		s.command(fmt.Sprintf("CWD /pub/linux/kernel/v6.x/patches/%03d", i%500))
		s.reply("250 Directory successfully changed.")
		s.command("PASV")
		port := 30000 + i%20000
		s.reply(fmt.Sprintf("227 Entering Passive Mode (192,0,2,10,%d,%d).", port>>8, port&0xff))
		file := fmt.Sprintf("patch-6.%d.%d.xz", i%13, i)
		s.command("RETR " + file)
		s.reply(fmt.Sprintf("150 Opening BINARY mode data connection for %s (%d bytes).", file, 100000+i*37))
		s.reply("226 Transfer complete.")
	}
	s.command("QUIT")
	s.reply("221 Goodbye.")
	return s
}

// countingHost handles every event and keeps only counts, enough to
// tell the benchmark parsed its input rather than rejected it.
type countingHost struct {
	exchange.Complaints
	confirmed         bool
	requests, replies int
}

func (h *countingHost) Confirm()                             { h.confirmed = true }
func (h *countingHost) Confirmed() bool                      { return h.confirmed }
func (h *countingHost) LimitWeird(source, name, addl string) { h.Weird(source, name, addl) }
func (h *countingHost) Handled(string) bool                  { return true }
func (h *countingHost) Raise(event string, args ...value.Value) {
	switch event {
	case "ftp_request":
		h.requests++
	case "ftp_reply":
		h.replies++
	}
}

// BenchmarkAnalyzer runs one FTP control connection of about 20,000
// commands per iteration, each command and reply a segment of its own
// as in an interactive session.
func BenchmarkAnalyzer(b *testing.B) {
	s := newFTPSession(20000)
	h := &countingHost{}
	b.SetBytes(int64(s.Total))
	b.ReportAllocs()
	for b.Loop() {
		s.Feed(newControl(h, 100))
	}
	if h.Bad != "" || !h.confirmed || h.requests != s.requests*b.N || h.replies != s.replies*b.N {
		b.Fatalf("%s: %d requests, %d replies; want %d, %d per run, %d runs",
			h.Bad, h.requests, h.replies, s.requests, s.replies, b.N)
	}
	b.ReportMetric(float64(h.requests)/b.Elapsed().Seconds(), "cmds/s")
}
