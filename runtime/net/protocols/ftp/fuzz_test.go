package ftp

import "testing"

// FuzzControl feeds arbitrary bytes to the control analyser in chunks of
// both directions: each chunk is a header byte (bit 0: the direction,
// the rest: the length) and that many bytes. Nothing may panic or hang,
// and every request event must carry a command word.
func FuzzControl(f *testing.F) {
	f.Add([]byte("\x2aUSER anonymous\r\n\x1d220 ready\r\n"))
	f.Add([]byte("\x0f230-a\r\n b\r\n230 c\r\n\x13AUTH TLS\r\n\x11234 ok\r\n"))
	f.Add([]byte("\x19CWD \xff\xfa\x18\xff\xff\xff\xf0x\r\x00y\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		h := &fake{quiet: true}
		c := newControl(h, 100)
		for len(in) > 0 {
			hdr := in[0]
			in = in[1:]
			n := min(int(hdr>>1), len(in))
			c.Deliver(hdr&1 == 1, in[:n])
			in = in[n:]
		}
		c.EndOfData(true)
		c.EndOfData(false)
		c.Done()
		if h.bad != "" {
			t.Fatal(h.bad)
		}
	})
}
