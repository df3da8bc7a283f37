package ssh

import (
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// nullHost handles every event and keeps nothing, so the fuzzer walks
// every event-building path.
type nullHost struct{}

func (nullHost) Confirm()                     {}
func (nullHost) Violation(string, []byte)     {}
func (nullHost) Weird(string, string)         {}
func (nullHost) Handled(string) bool          { return true }
func (nullHost) Raise(string, ...value.Value) {}
func (nullHost) Type(string) types.Type       { return nil }

// FuzzSSH feeds both directions of a connection: each chunk is a header
// byte (bit 7: responder, bit 6: a gap instead of data, low 6 bits:
// length) and that many bytes.
func FuzzSSH(f *testing.F) {
	var seed []byte
	add := func(resp bool, b []byte) {
		for len(b) > 0 {
			n := min(len(b), 63)
			h := byte(n)
			if resp {
				h |= 0x80
			}
			seed = append(append(seed, h), b[:n]...)
			b = b[n:]
		}
	}
	add(true, []byte("banner\r\nSSH-2.0-server\r\n"))
	add(false, []byte("SSH-2.0-client\r\n"))
	add(false, kexInit("curve25519-sha256", "ssh-ed25519"))
	add(true, kexInit("curve25519-sha256", "ssh-ed25519"))
	add(false, packet(30, sshString("QC")))
	add(true, packet(31, sshString("K"), sshString("QS"), sshString("s")))
	add(true, packet(msgNewKeys))
	add(false, packet(msgNewKeys))
	add(false, make([]byte, 50))
	add(true, make([]byte, 60))
	add(true, make([]byte, 44))
	f.Add(seed)
	f.Add([]byte("\x10SSH-1.5-client\r\n\x91SSH-1.99-server\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := newConn(nullHost{})
		for len(data) > 0 {
			h := data[0]
			n := min(int(h&0x3f), len(data)-1)
			resp := h&0x80 != 0
			if h&0x40 != 0 {
				c.Gap(!resp, uint64(n))
			} else {
				c.Deliver(!resp, data[1:1+n])
			}
			data = data[1+n:]
		}
		c.EndOfData(true)
		c.EndOfData(false)
		c.Done()
	})
}
