package dns

import "testing"

// FuzzParse feeds arbitrary bytes to the analyser. The first byte picks
// the transport and settings: bit 0 TCP (the rest is a stream cut into
// chunks whose sizes the following bytes give), else each later byte
// that is 0xff ends a datagram, alternating direction; bit 1 parses the
// authority and additional sections; bits 2-4 set the compression depth
// limit. Nothing may panic or hang.
func FuzzParse(f *testing.F) {
	q := cat(hdr(1, fRD, 1, 0, 0, 0), question(dname("www", "example", "com"), 1, 1))
	r := cat(hdr(1, fQR|fRD|fRA, 1, 2, 1, 1), question(dname("www", "example", "com"), 1, 1),
		rr(ptr(12), 5, 1, 300, cat([]byte{3}, []byte("web"), ptr(16))),
		rr(ptr(12), 16, 1, 60, charStrings("a", "bc")),
		rr(ptr(16), 6, 1, 60, cat(dname("ns"), dname("root"), be32(1), be32(2), be32(3), be32(4), be32(5))),
		rr([]byte{0}, 41, 1232, 0, cat(be16(8), be16(7), be16(1), []byte{24, 0, 192, 0, 2})))
	f.Add(append([]byte{0x02}, cat(q, []byte{0xff}, r)...))
	f.Add(append([]byte{0x03, 5, 20, 7}, cat(tcpFrame(q), tcpFrame(r))...))
	f.Add([]byte{0x0e, 0, 0, 0, 0, 0x80, 0, 0, 1, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 {
			return
		}
		mode, data := data[0], data[1:]
		cfg := defaultConfig()
		cfg.skipAllAuth = mode&2 == 0
		cfg.skipAllAddl = mode&2 == 0
		cfg.maxDepth = int(mode>>2) & 7
		h := newFake("10.0.0.2", 53)
		h.quiet = true
		c := newConn(h, cfg, mode&1 != 0)
		if mode&1 != 0 {
			// TCP: chunk sizes from the first bytes, until a zero.
			var sizes []int
			for len(data) > 0 && data[0] != 0 && len(sizes) < 8 {
				sizes = append(sizes, int(data[0]))
				data = data[1:]
			}
			orig := true
			for i := 0; len(data) > 0; i++ {
				n := len(data)
				if len(sizes) > 0 {
					n = min(n, sizes[i%len(sizes)])
				}
				c.Deliver(orig, data[:n])
				data = data[n:]
				orig = !orig
			}
			c.EndOfData(true)
			c.EndOfData(false)
		} else {
			orig := true
			for len(data) > 0 {
				n := 0
				for n < len(data) && data[n] != 0xff {
					n++
				}
				c.Deliver(orig, data[:n])
				data = data[min(n+1, len(data)):]
				orig = !orig
			}
		}
		c.Done()
	})
}
