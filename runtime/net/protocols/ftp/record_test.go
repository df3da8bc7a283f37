package ftp_test

import (
	"bufio"
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

const sessionTrace = "../../../../testdata/pcap/ftp-session.pcap"

// Fixed ports, so a new recording differs from the committed one only in
// timing.
const (
	ctrlPort   = 21
	clientPort = 40021 // the client's control connection
	pasvPort   = 40100 // the server's PASV listener
	epsvPort   = 40101 // the server's EPSV listener
	activePort = 40300 // the client's PORT listener
	serverData = 40020 // the server's end of the active connection
)

var files = map[string]string{"hello.txt": "hello, world\n"}

// TestRecordSession records testdata/pcap/ftp-session.pcap (run with
// -record, as root): a Go FTP client in A logs in to a small Go FTP
// server in B (USER/PASS with a multi-line welcome), asks PWD and SYST,
// fetches a file over PASV, stores one over PORT, lists over EPSV, asks
// for a file that does not exist (550) and quits.
func TestRecordSession(t *testing.T) {
	record.Trace(t, sessionTrace, func(p *record.Pair) error {
		srv := &server{p: p}
		l, err := p.ListenB(netip.AddrPortFrom(record.IPB, ctrlPort))
		if err != nil {
			return err
		}
		defer l.Close()
		done := make(chan error, 1)
		go func() {
			c, err := l.Accept()
			if err != nil {
				done <- err
				return
			}
			done <- srv.serve(c)
		}()
		if err := client(p); err != nil {
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

// server is the test FTP server: one session, the commands the client
// sends, replies as common servers word them.
type server struct {
	p      *record.Pair
	stored []byte
}

func (s *server) serve(c net.Conn) error {
	defer c.Close()
	r := bufio.NewReader(c)
	say := func(lines ...string) {
		for _, l := range lines {
			io.WriteString(c, l+"\r\n")
		}
	}
	say("220 gobro test FTP server ready.")
	var dataL net.Listener // the passive listener of the next transfer
	var activeTo string    // the client's address of the next transfer (PORT)
	openData := func() (net.Conn, error) {
		if dataL != nil {
			defer func() { dataL.Close(); dataL = nil }()
			return dataL.Accept()
		}
		var conn net.Conn
		err := s.p.InB(func() (err error) {
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: record.IPB.AsSlice(), Port: serverData}}
			conn, err = d.Dial("tcp4", activeTo)
			return err
		})
		return conn, err
	}
	listen := func(port int) (err error) {
		dataL, err = s.p.ListenB(netip.AddrPortFrom(record.IPB, uint16(port)))
		return err
	}
	for {
		line, err := r.ReadString('\n')
		if err != nil {
			return err
		}
		cmd, arg, _ := strings.Cut(strings.TrimRight(line, "\r\n"), " ")
		switch strings.ToUpper(cmd) {
		case "USER":
			say("331 Password required for " + arg + ".")
		case "PASS":
			say("230-Welcome to the gobro test server.", "  Transfers are logged.", "230 User logged in.")
		case "SYST":
			say("215 UNIX Type: L8")
		case "PWD":
			say(`257 "/pub" is the current directory.`)
		case "TYPE":
			say("200 Type set to " + arg + ".")
		case "PASV":
			if err := listen(pasvPort); err != nil {
				return err
			}
			b := record.IPB.As4()
			say(fmt.Sprintf("227 Entering Passive Mode (%d,%d,%d,%d,%d,%d).", b[0], b[1], b[2], b[3], pasvPort>>8, pasvPort&0xff))
		case "EPSV":
			if err := listen(epsvPort); err != nil {
				return err
			}
			say(fmt.Sprintf("229 Entering Extended Passive Mode (|||%d|)", epsvPort))
		case "PORT":
			var h [4]int
			var p1, p2 int
			if _, err := fmt.Sscanf(arg, "%d,%d,%d,%d,%d,%d", &h[0], &h[1], &h[2], &h[3], &p1, &p2); err != nil {
				say("501 Bad PORT.")
				continue
			}
			activeTo = fmt.Sprintf("%d.%d.%d.%d:%d", h[0], h[1], h[2], h[3], p1<<8|p2)
			say("200 PORT command successful.")
		case "RETR":
			body, ok := files[arg]
			if !ok {
				say("550 " + arg + ": No such file or directory.")
				continue
			}
			say(fmt.Sprintf("150 Opening BINARY mode data connection for %s (%d bytes).", arg, len(body)))
			dc, err := openData()
			if err != nil {
				return err
			}
			io.WriteString(dc, body)
			dc.Close()
			say("226 Transfer complete.")
		case "STOR":
			say("150 Ok to send data.")
			dc, err := openData()
			if err != nil {
				return err
			}
			s.stored, err = io.ReadAll(dc)
			dc.Close()
			if err != nil {
				return err
			}
			say("226 Transfer complete.")
		case "LIST":
			say("150 Here comes the directory listing.")
			dc, err := openData()
			if err != nil {
				return err
			}
			io.WriteString(dc, "-rw-r--r--    1 0        0              13 Jan 01  2026 hello.txt\r\n")
			dc.Close()
			say("226 Directory send OK.")
		case "QUIT":
			say("221 Goodbye.")
			return nil
		default:
			say("502 Command not implemented.")
		}
	}
}

// client runs the session from A.
func client(p *record.Pair) error {
	c, err := p.DialA(clientPort, netip.AddrPortFrom(record.IPB, ctrlPort))
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(20 * time.Second))
	r := bufio.NewReader(c)
	// reply reads one reply, multi-line or not, and returns its last
	// line.
	reply := func() (string, error) {
		first, err := r.ReadString('\n')
		if err != nil {
			return "", err
		}
		line := first
		for len(first) > 3 && first[3] == '-' && !(len(line) > 3 && line[:3] == first[:3] && line[3] == ' ') {
			if line, err = r.ReadString('\n'); err != nil {
				return "", err
			}
		}
		return strings.TrimRight(line, "\r\n"), nil
	}
	cmd := func(line string) (string, error) {
		if _, err := io.WriteString(c, line+"\r\n"); err != nil {
			return "", err
		}
		return reply()
	}
	dial := func(port int) (conn net.Conn, err error) {
		err = p.InA(func() (err error) {
			conn, err = net.Dial("tcp4", netip.AddrPortFrom(record.IPB, uint16(port)).String())
			return err
		})
		return conn, err
	}
	if _, err := reply(); err != nil { // greeting
		return err
	}
	for _, l := range []string{"USER alice", "PASS s3cret", "SYST", "PWD", "TYPE I", "PASV"} {
		if _, err := cmd(l); err != nil {
			return err
		}
	}
	// PASV, RETR: the client connects, then asks.
	dc, err := dial(pasvPort)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(c, "RETR hello.txt\r\n"); err != nil {
		return err
	}
	if _, err := reply(); err != nil { // 150
		return err
	}
	io.ReadAll(dc)
	dc.Close()
	if _, err := reply(); err != nil { // 226
		return err
	}
	// PORT, STOR: the server connects to the client.
	l, err := p.ListenA(netip.AddrPortFrom(record.IPA, activePort))
	if err != nil {
		return err
	}
	defer l.Close()
	a := record.IPA.As4()
	if _, err := cmd(fmt.Sprintf("PORT %d,%d,%d,%d,%d,%d", a[0], a[1], a[2], a[3], activePort>>8, activePort&0xff)); err != nil {
		return err
	}
	if _, err := io.WriteString(c, "STOR upload.bin\r\n"); err != nil {
		return err
	}
	if _, err := reply(); err != nil { // 150
		return err
	}
	dc, err = l.Accept()
	if err != nil {
		return err
	}
	io.WriteString(dc, strings.Repeat("gobro upload data\n", 20))
	dc.Close()
	if _, err := reply(); err != nil { // 226
		return err
	}
	// EPSV, LIST.
	if _, err := cmd("EPSV"); err != nil {
		return err
	}
	if dc, err = dial(epsvPort); err != nil {
		return err
	}
	if _, err := io.WriteString(c, "LIST\r\n"); err != nil {
		return err
	}
	if _, err := reply(); err != nil {
		return err
	}
	io.ReadAll(dc)
	dc.Close()
	if _, err := reply(); err != nil {
		return err
	}
	for _, l := range []string{"RETR missing.txt", "QUIT"} {
		if _, err := cmd(l); err != nil {
			return err
		}
	}
	return nil
}
