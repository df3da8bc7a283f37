package ssh_test

import (
	"crypto/ed25519"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"testing"
	"time"

	"golang.org/x/crypto/ssh"

	"github.com/gobro/gobro/runtime/net/live/record"
)

// TestRecordLogins records testdata/pcap/ssh-logins.pcap (run with
// -record, as root): an SSH server in B (golang.org/x/crypto/ssh, an
// Ed25519 host key made by the test) and two logins from A, one with a
// wrong password, rejected, and one that succeeds, opens a session, runs
// a command and disconnects. The goldens (ssh.log with the
// authentication verdicts, conn.log) are checked by runtime/engine's
// TestRecordedTraces.
func TestRecordLogins(t *testing.T) {
	record.Trace(t, "../../../../testdata/pcap/ssh-logins.pcap", func(p *record.Pair) error {
		_, key, err := ed25519.GenerateKey(nil)
		if err != nil {
			return err
		}
		signer, err := ssh.NewSignerFromKey(key)
		if err != nil {
			return err
		}
		cfg := &ssh.ServerConfig{
			PasswordCallback: func(c ssh.ConnMetadata, pass []byte) (*ssh.Permissions, error) {
				if c.User() == "gobro" && string(pass) == "correct horse" {
					return nil, nil
				}
				return nil, errors.New("wrong password")
			},
			ServerVersion: "SSH-2.0-gobro_test_server",
			// OpenSSH's default cipher: Zeek's login inference counts
			// on its packet sizes.
			Config: ssh.Config{Ciphers: []string{"chacha20-poly1305@openssh.com"}},
		}
		cfg.AddHostKey(signer)
		srv := netip.AddrPortFrom(record.IPB, 22)
		l, err := p.ListenB(srv)
		if err != nil {
			return err
		}
		defer l.Close()
		go serve(l, cfg)

		if err := login(p, srv, 40022, "hunter2"); err == nil {
			return errors.New("a wrong password was accepted")
		}
		return login(p, srv, 40023, "correct horse")
	})
}

// login connects from A (a fixed client port, so a new recording differs
// only in timing and keys), authenticates with password and, when that
// succeeds, runs one command.
func login(p *record.Pair, srv netip.AddrPort, port int, password string) error {
	var c net.Conn
	if err := p.InA(func() (err error) {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: record.IPA.AsSlice(), Port: port}, Timeout: 5 * time.Second}
		c, err = d.Dial("tcp4", srv.String())
		return err
	}); err != nil {
		return err
	}
	defer c.Close()
	cfg := &ssh.ClientConfig{
		User:            "gobro",
		Auth:            []ssh.AuthMethod{ssh.Password(password)},
		HostKeyCallback: ssh.InsecureIgnoreHostKey(),
		ClientVersion:   "SSH-2.0-gobro_test_client",
		Config:          ssh.Config{Ciphers: []string{"chacha20-poly1305@openssh.com"}},
		Timeout:         5 * time.Second,
	}
	sc, chans, reqs, err := ssh.NewClientConn(c, srv.String(), cfg)
	if err != nil {
		return err
	}
	client := ssh.NewClient(sc, chans, reqs)
	defer client.Close()
	s, err := client.NewSession()
	if err != nil {
		return err
	}
	defer s.Close()
	out, err := s.Output("hello")
	if err != nil {
		return err
	}
	if string(out) != "hello from gobro's test server\n" {
		return fmt.Errorf("command output %q", out)
	}
	return nil
}

// serve answers every session's exec request with one line and exit
// status 0.
func serve(l net.Listener, cfg *ssh.ServerConfig) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			_, chans, reqs, err := ssh.NewServerConn(c, cfg)
			if err != nil {
				return
			}
			go ssh.DiscardRequests(reqs)
			for nc := range chans {
				ch, creqs, err := nc.Accept()
				if err != nil {
					continue
				}
				go func() {
					defer ch.Close()
					for r := range creqs {
						if r.Type != "exec" {
							r.Reply(false, nil)
							continue
						}
						r.Reply(true, nil)
						fmt.Fprintln(ch, "hello from gobro's test server")
						ch.SendRequest("exit-status", false, []byte{0, 0, 0, 0})
						return
					}
				}()
			}
		}()
	}
}
