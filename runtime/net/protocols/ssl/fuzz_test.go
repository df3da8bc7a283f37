package ssl

import (
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// typedNullHost handles every event, knows the record types the parser
// builds, and keeps nothing: the fuzzer walks every event-building path.
type typedNullHost struct{}

func (typedNullHost) Confirm()                     {}
func (typedNullHost) Violation(string, []byte)     {}
func (typedNullHost) Weird(string, string)         {}
func (typedNullHost) Handled(string) bool          { return true }
func (typedNullHost) Raise(string, ...value.Value) {}
func (typedNullHost) Type(name string) types.Type  { return testTypes[name] }

// FuzzSSL feeds both directions of a connection: each chunk is a header
// byte (bit 7: responder, bit 6: end of data (with length 0) or a gap,
// low 6 bits: length) and that many bytes.
func FuzzSSL(f *testing.F) {
	chunks := func(resp bool, b []byte) []byte {
		var out []byte
		for len(b) > 0 {
			n := min(len(b), 63)
			h := byte(n)
			if resp {
				h |= 0x80
			}
			out = append(append(out, h), b[:n]...)
			b = b[n:]
		}
		return out
	}
	client, server := tls12()
	f.Add(cat(chunks(false, client[:recordLen(client)]), chunks(true, server), chunks(false, client[recordLen(client):])))
	ch := hsMsg(1, u16(0x0303), random(1), v8(make([]byte, 32)), v16(u16(0x1301)), v8([]byte{0}),
		v16(ext(43, v8(u16(0x0304))), ext(51, v16(u16(29), v16([]byte("KEY")))), ext(41, v16(v16([]byte("id")), []byte{0, 0, 0, 1}), v16(v8([]byte("binder")))), ext(45, v8([]byte{1}))))
	sh := hsMsg(2, u16(0x0303), random(2), v8(make([]byte, 32)), u16(0x1301), []byte{0},
		v16(ext(43, u16(0x0304)), ext(51, u16(29), v16([]byte("SKEY"))), ext(41, u16(0))))
	f.Add(cat(chunks(false, record(22, 0x0301, ch)), chunks(true, cat(record(22, 0x0303, sh), ccs, record(23, 0x0303, []byte("x")))),
		chunks(false, cat(ccs, record(23, 0x0303, []byte("y"))))))
	v2 := cat([]byte{1}, u16(0x0301), u16(3), u16(0), u16(16), []byte{0, 0, 4}, make([]byte, 16))
	f.Add(chunks(false, cat([]byte{0x80, byte(len(v2))}, v2)))
	dhe := hsMsg(2, u16(0x0301), random(3), v8(), u16(0x0033), []byte{0})
	f.Add(cat(chunks(false, record(22, 0x0301, clientHello12)), chunks(true, record(22, 0x0301, dhe,
		hsMsg(12, v16([]byte("P")), v16([]byte("G")), v16([]byte("Y")), v16([]byte("S"))), hsMsg(22, []byte{1}, v24([]byte("ocsp"))))),
		chunks(false, record(22, 0x0301, hsMsg(16, v16([]byte("YC"))))), chunks(true, record(24, 0x0301, []byte{1, 0, 2, 'h', 'i'}))))
	f.Fuzz(func(t *testing.T, data []byte) {
		c := newConn(typedNullHost{}, "fuzz")
		for len(data) > 0 {
			h := data[0]
			n := min(int(h&0x3f), len(data)-1)
			resp := h&0x80 != 0
			switch {
			case h&0x40 != 0 && n == 0:
				c.EndOfData(!resp)
			case h&0x40 != 0:
				c.Gap(!resp, uint64(n))
			default:
				c.Deliver(!resp, data[1:1+n])
			}
			data = data[1+n:]
		}
		c.Done()
	})
}
