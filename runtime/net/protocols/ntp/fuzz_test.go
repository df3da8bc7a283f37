package ntp

import "testing"

// FuzzDeliver feeds arbitrary datagrams to one connection. The input is
// a sequence of datagrams, each after a byte whose high bit says the
// responder sent it and whose low 7 bits give its length (cut short at
// the end of the input). Nothing may panic, and each datagram must be
// either one ntp_message or one violation.
func FuzzDeliver(f *testing.F) {
	frame := func(isOrig bool, b []byte) []byte {
		h := byte(len(b))
		if !isOrig {
			h |= 0x80
		}
		return append([]byte{h}, b...)
	}
	msg := std(0xe3, 0, 6, -22, 0, 0x206, "\x00\x00\x00\x00", ts{}, tsOrg, tsRec, tsXmt)
	f.Add(cat(frame(true, msg), frame(false, std(0x24, 2, 6, -20, 0xad7, 0xae0, "\xc0\x2b\xf4\x12", tsRef, tsOrg, tsRec, tsXmt))))
	f.Add(frame(true, cat(msg, extension(0, "value", "sig"), []byte{0, 0, 0, 9}, repeat('d', 16))))
	f.Add(cat(frame(true, ctl(0x16, 0x02, 1, 0, 0, 0, "")), frame(false, ctl(0x16, 0x82, 1, 0x0618, 0, 0, "version", 0, 0, 0, 5, 1, 2, 3, 4, 5, 6, 7, 8))))
	f.Add(frame(true, []byte{0x17, 0x85, 0x03, 0x2a, 0x30, 0x02, 'a', 'b'}))
	f.Fuzz(func(t *testing.T, data []byte) {
		h := newFake(t)
		h.quiet = true
		c := newConn(h)
		for len(data) > 0 {
			isOrig, n := data[0]&0x80 == 0, int(data[0]&0x7f)
			data = data[1:]
			n = min(n, len(data))
			events, violations := h.events, h.violations
			c.Deliver(isOrig, data[:n])
			data = data[n:]
			if d := h.events - events + h.violations - violations; d != 1 {
				t.Fatalf("a datagram gave %d events and violations, want 1", d)
			}
		}
		c.Done()
	})
}
