package irc_test

import (
	"bufio"
	"crypto/tls"
	"encoding/binary"
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

const sessionTrace = "../../../../testdata/pcap/irc-session.pcap"

// Fixed ports, so a new recording differs from the committed one only in
// timing and TLS randomness.
const (
	ircPort    = 6667
	plainPort  = 40667 // the client's end of the plain session
	tlsPort    = 40668 // the client's end of the STARTTLS session
	dccPort    = 40500 // where the DCC sender listens (in B)
	dccContent = "hello, dcc!\n"
)

// TestRecordSession records testdata/pcap/irc-session.pcap (run with
// -record, as root): a Go IRC client in A talks to a small Go IRC server
// in B. The first connection registers (NICK, USER), joins a channel
// (topic and names in the replies), says something, asks NAMES, is
// offered a file by DCC SEND and fetches it over a connection of its
// own, parts and quits. The second says STARTTLS and, after the 670
// reply, registers and quits over TLS.
func TestRecordSession(t *testing.T) {
	record.Trace(t, sessionTrace, func(p *record.Pair) error {
		l, err := p.ListenB(netip.AddrPortFrom(record.IPB, ircPort))
		if err != nil {
			return err
		}
		defer l.Close()
		cert, err := record.SelfSigned("irc.gobro.test", 6667)
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
				if err := serve(p, c, cert); err != nil {
					done <- err
					return
				}
			}
			done <- nil
		}()
		if err := plainClient(p); err != nil {
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
// gives to what the client sends.
func serve(p *record.Pair, c net.Conn, cert tls.Certificate) error {
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	var conn io.ReadWriter = c
	r := bufio.NewReader(conn)
	say := func(lines ...string) {
		for _, l := range lines {
			io.WriteString(conn, l+"\r\n")
		}
	}
	nick := "*"
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return err
		}
		cmd, arg, _ := strings.Cut(strings.TrimRight(line, "\r\n"), " ")
		switch strings.ToUpper(cmd) {
		case "STARTTLS":
			say(":irc.gobro.test 670 " + nick + " :STARTTLS successful, go ahead with TLS handshake")
			s := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{cert}})
			if err := s.Handshake(); err != nil {
				return err
			}
			conn, r = s, bufio.NewReader(s)
		case "NICK":
			nick = arg
		case "USER":
			say(":irc.gobro.test 001 "+nick+" :Welcome to the gobro test network "+nick,
				":irc.gobro.test 251 "+nick+" :There are 2 users and 0 services on 1 servers")
		case "JOIN":
			say(":"+nick+"!"+nick+"@client.test JOIN :"+arg,
				":irc.gobro.test 332 "+nick+" "+arg+" :Testing the IRC analyser",
				":irc.gobro.test 353 "+nick+" = "+arg+" :@bob "+nick,
				":irc.gobro.test 366 "+nick+" "+arg+" :End of /NAMES list.")
		case "PRIVMSG":
			target, _, _ := strings.Cut(arg, " ")
			say(":bob!bob@peer.test PRIVMSG " + target + " :hi " + nick)
		case "NAMES":
			say(":irc.gobro.test 353 "+nick+" = "+arg+" :@bob "+nick,
				":irc.gobro.test 366 "+nick+" "+arg+" :End of /NAMES list.")
			if err := offerFile(p, nick, say); err != nil {
				return err
			}
		case "PART":
			channel, msg, _ := strings.Cut(arg, " ")
			say(":" + nick + "!" + nick + "@client.test PART " + channel + " " + msg)
		case "QUIT":
			say("ERROR :Closing Link: " + nick + " (Quit: " + strings.TrimPrefix(arg, ":") + ")")
			return nil
		default:
			say(":irc.gobro.test 421 " + nick + " " + cmd + " :Unknown command")
		}
	}
}

// offerFile has bob offer the client a file by DCC SEND from B and
// serves it to the first connection.
func offerFile(p *record.Pair, nick string, say func(...string)) error {
	l, err := p.ListenB(netip.AddrPortFrom(record.IPB, dccPort))
	if err != nil {
		return err
	}
	b := record.IPB.As4()
	say(fmt.Sprintf(":bob!bob@peer.test PRIVMSG %s :\x01DCC SEND notes.txt %d %d %d\x01",
		nick, binary.BigEndian.Uint32(b[:]), dccPort, len(dccContent)))
	go func() {
		defer l.Close()
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		io.WriteString(c, dccContent)
		// The receiver closes when it has the file. (It sends no DCC
		// acknowledgement: that would be a second file, the client's,
		// and which of two files Zeek sniffs first, which decides the
		// DCC record's fuid and MIME type, is not ours to guess.)
		io.Copy(io.Discard, c)
	}()
	return nil
}

// client is one connection's line exchange: send a line, read n lines.
type client struct {
	w io.Writer
	r *bufio.Reader
}

func (c *client) do(line string, n int) ([]string, error) {
	if line != "" {
		if _, err := io.WriteString(c.w, line+"\r\n"); err != nil {
			return nil, err
		}
	}
	var out []string
	for i := 0; i < n; i++ {
		l, err := c.r.ReadString('\n')
		if err != nil {
			return out, err
		}
		out = append(out, strings.TrimRight(l, "\r\n"))
	}
	return out, nil
}

func plainClient(p *record.Pair) error {
	conn, err := p.DialA(plainPort, netip.AddrPortFrom(record.IPB, ircPort))
	if err != nil {
		return err
	}
	defer conn.Close()
	c := &client{conn, bufio.NewReader(conn)}
	steps := []struct {
		line string
		n    int
	}{
		{"NICK alice", 0}, {"USER alice 0 * :Alice Liddell", 2}, {"JOIN #gobro", 4},
		{"PRIVMSG #gobro :hello from the test", 1}, {"NAMES #gobro", 3},
	}
	var last []string
	for _, s := range steps {
		if last, err = c.do(s.line, s.n); err != nil {
			return err
		}
	}
	if err := fetchDCC(p, last[len(last)-1]); err != nil {
		return err
	}
	if _, err := c.do("PART #gobro :see you", 1); err != nil {
		return err
	}
	_, err = c.do("QUIT :done", 1)
	return err
}

// fetchDCC takes the file a DCC SEND line offers.
func fetchDCC(p *record.Pair, offer string) error {
	_, ctcp, ok := strings.Cut(offer, "\x01DCC SEND ")
	if !ok {
		return fmt.Errorf("no DCC offer in %q", offer)
	}
	var name string
	var ip uint32
	var port, size int
	if _, err := fmt.Sscanf(strings.TrimSuffix(ctcp, "\x01"), "%s %d %d %d", &name, &ip, &port, &size); err != nil {
		return err
	}
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], ip)
	conn, err := p.DialA(0, netip.AddrPortFrom(netip.AddrFrom4(b), uint16(port)))
	if err != nil {
		return err
	}
	defer conn.Close()
	got := make([]byte, size)
	_, err = io.ReadFull(conn, got)
	return err
}

func tlsClient(p *record.Pair) error {
	conn, err := p.DialA(tlsPort, netip.AddrPortFrom(record.IPB, ircPort))
	if err != nil {
		return err
	}
	defer conn.Close()
	c := &client{conn, bufio.NewReader(conn)}
	if _, err := c.do("STARTTLS", 1); err != nil {
		return err
	}
	s := tls.Client(conn, &tls.Config{ServerName: "irc.gobro.test", InsecureSkipVerify: true})
	if err := s.Handshake(); err != nil {
		return err
	}
	c = &client{s, bufio.NewReader(s)}
	for _, l := range []struct {
		line string
		n    int
	}{{"NICK carol", 0}, {"USER carol 0 * :Carol", 2}, {"QUIT :bye", 1}} {
		if _, err := c.do(l.line, l.n); err != nil {
			return err
		}
	}
	return nil
}
