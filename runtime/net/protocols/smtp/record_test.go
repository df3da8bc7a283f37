package smtp_test

import (
	"bufio"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/netip"
	"strings"
	"testing"
	"time"

	"github.com/gobro/gobro/runtime/net/live/record"
)

const sessionTrace = "../../../../testdata/pcap/smtp-session.pcap"

// Fixed ports, so a new recording differs from the committed one only in
// timing and TLS randomness.
const (
	smtpPort  = 25
	plainPort = 40025 // the client's end of the mail session
	tlsPort   = 40026 // the client's end of the STARTTLS session
)

// The mail the first session sends: a text part and a small base64
// attachment with a file name.
var message = strings.Join([]string{
	"Received: from [10.0.0.5] (client.gobro.test [192.0.2.1])",
	"\tby mail.gobro.test with ESMTP; Thu, 1 Jan 2026 12:00:00 +0000",
	"Date: Thu, 1 Jan 2026 12:00:00 +0000",
	"From: Alice <alice@gobro.test>",
	"To: Bob <bob@example.test>, carol@example.test",
	"Subject: Quarterly notes",
	"Message-ID: <20260101120000.1@gobro.test>",
	"X-Mailer: gobro-test-mailer 1.0",
	"MIME-Version: 1.0",
	`Content-Type: multipart/mixed; boundary="gobro-boundary"`,
	"",
	"This is a multi-part message in MIME format.",
	"--gobro-boundary",
	"Content-Type: text/plain; charset=us-ascii",
	"",
	"Hello Bob and Carol,",
	"the notes are attached.",
	"..and a line that starts with a dot.",
	"--gobro-boundary",
	`Content-Type: text/plain; name="notes.txt"`,
	`Content-Disposition: attachment; filename="notes.txt"`,
	"Content-Transfer-Encoding: base64",
	"",
	"VGhlIG5vdGVzOiBhbGwgaXMgd2VsbC4K",
	"--gobro-boundary--",
	"",
}, "\r\n")

// TestRecordSession records testdata/pcap/smtp-session.pcap (run with
// -record, as root): a Go SMTP client in A talks to a small Go SMTP
// server in B. The first connection says EHLO, sends one mail to two
// recipients (a multipart message: a text part and a base64 attachment
// named notes.txt) and quits. The second says EHLO and STARTTLS and,
// after the 220 reply, says EHLO again over TLS 1.2 and quits.
func TestRecordSession(t *testing.T) {
	record.Trace(t, sessionTrace, func(p *record.Pair) error {
		l, err := p.ListenB(netip.AddrPortFrom(record.IPB, smtpPort))
		if err != nil {
			return err
		}
		defer l.Close()
		cert, err := record.SelfSigned("mail.gobro.test", 25)
		if err != nil {
			return err
		}
		done := make(chan error, 1)
		go func() {
			for i := 0; i < 2; i++ {
				c, err := l.Accept()
				if err != nil {
					done <- err
					return
				}
				if err := serve(c, cert); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		if err := mailClient(p); err != nil {
			return err
		}
		if err := tlsClient(p); err != nil {
			return err
		}
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			return errors.New("server did not finish")
		}
	})
}

// serve is the test server: one connection, the replies a common server
// gives.
func serve(c net.Conn, cert tls.Certificate) error {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	var conn io.ReadWriter = c
	r := bufio.NewReader(conn)
	say := func(lines ...string) {
		var b strings.Builder
		for _, l := range lines {
			b.WriteString(l + "\r\n")
		}
		io.WriteString(conn, b.String())
	}
	say("220 mail.gobro.test ESMTP gobro test server")
	tlsOn := false
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return err
		}
		cmd, arg, _ := strings.Cut(strings.TrimRight(line, "\r\n"), " ")
		switch strings.ToUpper(cmd) {
		case "EHLO":
			ext := []string{"250-mail.gobro.test greets " + arg, "250-PIPELINING", "250-8BITMIME"}
			if !tlsOn {
				ext = append(ext, "250-STARTTLS")
			}
			say(append(ext, "250 SIZE 10240000")...)
		case "STARTTLS":
			say("220 2.0.0 Ready to start TLS")
			s := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{cert}})
			if err := s.Handshake(); err != nil {
				return err
			}
			conn, r, tlsOn = s, bufio.NewReader(s), true
		case "MAIL":
			say("250 2.1.0 Ok")
		case "RCPT":
			say("250 2.1.5 Ok")
		case "DATA":
			say("354 End data with <CR><LF>.<CR><LF>")
			for {
				l, err := r.ReadString('\n')
				if err != nil {
					return err
				}
				if l == ".\r\n" {
					break
				}
			}
			say("250 2.0.0 Ok: queued as 4A7B2C0D1E")
		case "QUIT":
			say("221 2.0.0 Bye")
			return nil
		default:
			say("502 5.5.2 Error: command not recognized")
		}
	}
}

// client is one connection's exchange: send, read a whole reply.
type client struct {
	w io.Writer
	r *bufio.Reader
}

// do sends text (unless empty) and reads one reply, however many lines,
// checking its code.
func (c *client) do(text string, want int) error {
	if text != "" {
		if _, err := io.WriteString(c.w, text); err != nil {
			return err
		}
	}
	for {
		l, err := c.r.ReadString('\n')
		if err != nil {
			return err
		}
		if !strings.HasPrefix(l, fmt.Sprint(want)) {
			return fmt.Errorf("after %q: %q, want %d", text, l, want)
		}
		if len(l) < 4 || l[3] != '-' {
			return nil
		}
	}
}

type step struct {
	text string
	want int
}

func (c *client) run(steps []step) error {
	for _, s := range steps {
		if err := c.do(s.text, s.want); err != nil {
			return err
		}
	}
	return nil
}

func mailClient(p *record.Pair) error {
	conn, err := p.DialA(plainPort, netip.AddrPortFrom(record.IPB, smtpPort))
	if err != nil {
		return err
	}
	defer conn.Close()
	c := &client{conn, bufio.NewReader(conn)}
	return c.run([]step{
		{"", 220},
		{"EHLO client.gobro.test\r\n", 250},
		{"MAIL FROM:<alice@gobro.test> SIZE=1024\r\n", 250},
		{"RCPT TO:<bob@example.test>\r\n", 250},
		{"RCPT TO:<carol@example.test>\r\n", 250},
		{"DATA\r\n", 354},
		{message + ".\r\n", 250},
		{"QUIT\r\n", 221},
	})
}

func tlsClient(p *record.Pair) error {
	conn, err := p.DialA(tlsPort, netip.AddrPortFrom(record.IPB, smtpPort))
	if err != nil {
		return err
	}
	defer conn.Close()
	c := &client{conn, bufio.NewReader(conn)}
	if err := c.run([]step{{"", 220}, {"EHLO client.gobro.test\r\n", 250}, {"STARTTLS\r\n", 220}}); err != nil {
		return err
	}
	// TLS 1.2, so the server's certificate is in the clear (ssl.log's
	// cert_chain_fps, x509.log).
	s := tls.Client(conn, &tls.Config{ServerName: "mail.gobro.test", InsecureSkipVerify: true, MaxVersion: tls.VersionTLS12})
	if err := s.Handshake(); err != nil {
		return err
	}
	c = &client{s, bufio.NewReader(s)}
	return c.run([]step{{"EHLO client.gobro.test\r\n", 250}, {"QUIT\r\n", 221}})
}
