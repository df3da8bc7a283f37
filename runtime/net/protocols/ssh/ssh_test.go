package ssh

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// fakeHost records what the parser reports, one line each; every event
// counts as handled.
type fakeHost struct{ log []string }

func (h *fakeHost) Confirm() { h.log = append(h.log, "confirm") }
func (h *fakeHost) Violation(reason string, data []byte) {
	h.log = append(h.log, "violation "+reason)
}
func (h *fakeHost) Weird(name, addl string)     { h.log = append(h.log, "weird "+name+" "+addl) }
func (h *fakeHost) Handled(string) bool         { return true }
func (h *fakeHost) Type(name string) types.Type { return nil }
func (h *fakeHost) Raise(ev string, args ...value.Value) {
	var parts []string
	for _, a := range args {
		switch p := a.P.(type) {
		case string:
			parts = append(parts, fmt.Sprintf("%q", p))
		default:
			parts = append(parts, fmt.Sprint(a.N))
		}
	}
	h.log = append(h.log, ev+"("+strings.Join(parts, ",")+")")
}

func (h *fakeHost) take() string {
	s := strings.Join(h.log, "\n")
	h.log = nil
	return s
}

func expect(t *testing.T, h *fakeHost, want ...string) {
	t.Helper()
	if got := h.take(); got != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// packet frames an SSH-2 packet with 4 bytes of padding.
func packet(msg byte, payload ...[]byte) []byte {
	body := []byte{msg}
	for _, p := range payload {
		body = append(body, p...)
	}
	pad := 4
	b := binary.BigEndian.AppendUint32(nil, uint32(len(body)+pad+1))
	b = append(b, byte(pad))
	b = append(b, body...)
	return append(b, make([]byte, pad)...)
}

func sshString(s string) []byte {
	return append(binary.BigEndian.AppendUint32(nil, uint32(len(s))), s...)
}

func kexInit(kex, hostKey string) []byte {
	p := [][]byte{make([]byte, 16), sshString(kex), sshString(hostKey)}
	for _, l := range []string{"aes128-ctr", "aes128-ctr", "hmac-sha1", "hmac-sha1", "none", "none", "", ""} {
		p = append(p, sshString(l))
	}
	p = append(p, []byte{0, 0, 0, 0, 0})
	return packet(msgKexInit, p...)
}

// handshake runs an SSH-2 exchange up to both NEWKEYS with the given key
// exchange method's messages.
func handshake(t *testing.T, c *conn, h *fakeHost, kex string, clientKex, serverKex []byte) {
	t.Helper()
	c.Deliver(false, []byte("SSH-2.0-server\r\n"))
	c.Deliver(true, []byte("SSH-2.0-client\r\n"))
	c.Deliver(true, kexInit(kex+",other", "ssh-ed25519"))
	c.Deliver(false, kexInit("x,"+kex, "ssh-ed25519"))
	c.Deliver(true, clientKex)
	c.Deliver(false, append(serverKex, packet(msgNewKeys)...))
	c.Deliver(true, packet(msgNewKeys))
}

func TestVersionExchangeAndECDH(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	c.Deliver(false, []byte("hello\r\nthere\nSSH-2.0-ser"))
	c.Deliver(false, []byte("ver\r\n"))
	expect(t, h, `ssh_server_pre_banner_data("hello")`, `ssh_server_pre_banner_data("there")`,
		`ssh_server_version("SSH-2.0-server")`)
	c.Deliver(true, []byte("SSH-2.0-client\r\n"))
	c.Deliver(true, kexInit("curve25519-sha256,other", "ssh-ed25519"))
	c.Deliver(false, kexInit("x,curve25519-sha256", "ssh-ed25519"))
	expect(t, h, `ssh_client_version("SSH-2.0-client")`)
	c.Deliver(true, packet(30, sshString("QC")))
	reply := packet(31, sshString("KEY"), sshString("QS"), sshString("sig"))
	// The reply, NEWKEYS and 40 encrypted bytes in one segment.
	c.Deliver(false, append(append(reply, packet(msgNewKeys)...), make([]byte, 40)...))
	expect(t, h, "ssh2_ecc_init(1)", `ssh2_ecc_key(1,"QC")`,
		`ssh_server_host_key("`+md5Fingerprint([]byte("KEY"))+`")`, `ssh2_server_host_key("KEY")`,
		`ssh2_ecc_key(0,"QS")`, "confirm", "ssh_encrypted_packet(0,40)")
}

func TestFixedGroupDH(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	handshake(t, c, h, "diffie-hellman-group18-sha512",
		packet(30, sshString("e")), packet(31, sshString("K"), sshString("f"), sshString("s")))
	expect(t, h, `ssh_server_version("SSH-2.0-server")`, `ssh_client_version("SSH-2.0-client")`,
		"ssh2_dh_gex_init(1)", `ssh_server_host_key("`+md5Fingerprint([]byte("K"))+`")`, `ssh2_server_host_key("K")`,
		"confirm", "confirm")
}

func TestUnknownKexWeird(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	handshake(t, c, h, "made-up-kex", packet(30, sshString("e")), packet(31, sshString("K")))
	if got := h.take(); !strings.Contains(got, "weird ssh_unknown_kex_algorithm made-up-kex") || strings.Contains(got, "host_key") {
		t.Errorf("got:\n%s", got)
	}
}

// The authentication heuristic over encrypted segment sizes.
func TestAuthHeuristic(t *testing.T) {
	for _, tc := range []struct {
		name string
		segs []int // >0: server segment, <0: client segment of -n bytes
		want []string
	}{
		{"none method", []int{100, -50, 60, 44},
			[]string{"ssh_auth_attempted(1)", "ssh_auth_successful(1)"}},
		{"failures then success", []int{-50, 60, 90, -50, 90, -50, 90, 44},
			[]string{"ssh_auth_attempted(0)", "ssh_auth_attempted(0)", "ssh_auth_attempted(1)", "ssh_auth_successful(0)"}},
		{"banner skipped once", []int{-50, 60, 400, 90, 90, 500},
			[]string{"ssh_auth_attempted(0)"}},
		{"decided once", []int{-50, 60, 44, 44},
			[]string{"ssh_auth_attempted(1)", "ssh_auth_successful(1)"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := &fakeHost{}
			c := newConn(h)
			handshake(t, c, h, "curve25519-sha256", packet(30, sshString("q")), packet(31, sshString("K"), sshString("q"), sshString("s")))
			h.take()
			for _, n := range tc.segs {
				if n < 0 {
					c.Deliver(true, make([]byte, -n))
				} else {
					c.Deliver(false, make([]byte, n))
				}
			}
			var got []string
			for _, l := range h.log {
				if !strings.HasPrefix(l, "ssh_encrypted_packet") {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestClientGarbageIsViolation(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	c.Deliver(true, []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n"))
	c.Deliver(true, []byte("SSH-2.0-late\r\n"))
	expect(t, h, "violation malformed ssh identification")
}

func TestGapStops(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	c.Deliver(false, []byte("SSH-2.0-server\r\n"))
	c.Gap(true, 10)
	c.Deliver(true, []byte("SSH-2.0-client\r\n"))
	expect(t, h, `ssh_server_version("SSH-2.0-server")`)
}

func TestBadPacketLength(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	c.Deliver(false, []byte("SSH-2.0-server\r\n"))
	c.Deliver(true, []byte("SSH-2.0-client\r\n\xff\xff\xff\xff"))
	expect(t, h, `ssh_server_version("SSH-2.0-server")`, `ssh_client_version("SSH-2.0-client")`,
		"violation invalid SSH packet length")
}

func TestVersionsSettle(t *testing.T) {
	for _, tc := range []struct {
		client, server string
		want           int
	}{
		{"SSH-2.0-a", "SSH-2.0-b", ver2},
		{"SSH-1.99-a", "SSH-1.99-b", ver2},
		{"SSH-1.5-a", "SSH-1.99-b", ver1},
		{"SSH-2.0-a", "SSH-1.99-b", ver2},
		{"SSH-1.5-a", "SSH-2.0-b", verUnknown},
		{"SSH-1.5-a", "SSH-1.5-b", ver1},
	} {
		if got := settle(lineVersion([]byte(tc.client)), lineVersion([]byte(tc.server))); got != tc.want {
			t.Errorf("%s/%s: %d, want %d", tc.client, tc.server, got, tc.want)
		}
	}
}

// SSH-1: the server's public key is in the clear, the client's session
// key confirms, everything after is encrypted.
func TestSSH1(t *testing.T) {
	h := &fakeHost{}
	c := newConn(h)
	c.Deliver(false, []byte("SSH-1.99-server\n"))
	c.Deliver(true, []byte("SSH-1.5-client\n"))
	h.take()
	mp := func(b []byte) []byte { return append(binary.BigEndian.AppendUint16(nil, uint16(len(b)*8)), b...) }
	var data []byte
	data = append(data, make([]byte, 8)...) // cookie
	data = append(data, 0, 0, 3, 0)         // server key bits
	data = append(data, mp([]byte{1, 0, 1})...)
	data = append(data, mp([]byte{0xaa, 0xbb})...)
	data = append(data, 0, 0, 4, 0) // host key bits
	data = append(data, mp([]byte{3})...)
	data = append(data, mp([]byte{0xcc, 0xdd})...)
	data = append(data, make([]byte, 12)...) // flags, ciphers, auths
	c.Deliver(false, ssh1Packet(ssh1PublicKey, data))
	c.Deliver(true, ssh1Packet(ssh1SessionKey, make([]byte, 20)))
	c.Deliver(true, make([]byte, 32))
	expect(t, h, `ssh_server_host_key("`+md5Fingerprint([]byte{0xcc, 0xdd}, []byte{3})+`")`,
		`ssh1_server_host_key("\xcc\xdd","\x03")`, "confirm", "ssh_encrypted_packet(1,32)")
}

func ssh1Packet(msg byte, data []byte) []byte {
	l := len(data) + 5
	b := binary.BigEndian.AppendUint32(nil, uint32(l))
	b = append(b, make([]byte, 8-l%8)...)
	b = append(b, msg)
	b = append(b, data...)
	return append(b, 0, 0, 0, 0)
}

// Chunking: the same stream cut into single bytes gives the same
// events up to the encrypted stage.
func TestByteByByte(t *testing.T) {
	stream := func(deliver func(bool, []byte)) {
		deliver(false, []byte("pre\r\nSSH-2.0-server\r\n"))
		deliver(true, []byte("SSH-2.0-client\r\n"))
		deliver(true, kexInit("ecdh-sha2-nistp256", "ssh-rsa"))
		deliver(false, kexInit("ecdh-sha2-nistp256", "ssh-rsa"))
		deliver(true, packet(30, sshString("QC")))
		deliver(false, packet(31, sshString("K"), sshString("QS"), sshString("s")))
		deliver(false, packet(msgNewKeys))
	}
	h1, h2 := &fakeHost{}, &fakeHost{}
	c1, c2 := newConn(h1), newConn(h2)
	stream(c1.Deliver)
	stream(func(o bool, b []byte) {
		for i := range b {
			c2.Deliver(o, b[i:i+1])
		}
	})
	if a, b := h1.take(), h2.take(); a != b || !strings.Contains(a, "confirm") {
		t.Errorf("whole:\n%s\nbytes:\n%s", a, b)
	}
}
