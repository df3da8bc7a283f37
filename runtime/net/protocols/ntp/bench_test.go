package ntp

import "testing"

// BenchmarkAnalyzer measures the analyser on one long client/server
// flow of 5,000 exchanges (10,000 datagrams): time requests (mode 3) and
// their 48-byte replies (mode 4), but for a control (mode 6) and a
// private (mode 7) exchange in every thousand. ntp_message is handled,
// so every record is built as for scripts.
func BenchmarkAnalyzer(b *testing.B) {
	run := newTimeRun(5_000)
	// The analyser must have taken every datagram: one that rejects
	// its input measures nothing.
	h := newFake(b)
	h.quiet = true
	run.feed(newConn(h))
	if h.events != len(run.datagrams) || h.violations != 0 {
		b.Fatalf("%d events and %d violations, want %d and none", h.events, h.violations, len(run.datagrams))
	}
	b.SetBytes(int64(run.bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		h := newFake(b)
		h.quiet = true
		run.feed(newConn(h))
	}
	b.ReportMetric(float64(len(run.datagrams))*float64(b.N)/b.Elapsed().Seconds(), "msgs/s")
}

// timeRun is a client's datagrams to one server and the replies, in
// the order they pass.
type timeRun struct {
	datagrams []datagram
	bytes     int
}

func newTimeRun(n int) *timeRun {
	run := &timeRun{}
	add := func(d datagram) {
		run.datagrams = append(run.datagrams, d)
		run.bytes += len(d.data)
	}
	for i := range n {
		switch i % 1000 {
		case 500:
			// ntpq reading the system variables.
			add(datagram{true, ctl(0x16, 0x02, uint16(i), 0, 0, 0, "")})
			add(datagram{false, ctl(0x16, 0x82, uint16(i), 0x0618, 0, 0, `version="ntpd 4.2.8p15", stratum=2, leap=00`)})
		case 999:
			// ntpdc asking for the peer list (implementation 3,
			// request 0) and a reply with one 72-byte item.
			add(datagram{true, []byte{0x17, 0x00, 0x03, 0x00, 0x00, 0x00}})
			add(datagram{false, cat([]byte{0x97, 0x00, 0x03, 0x00, 0x00, 0x48}, make([]byte, 72))})
		default:
			// The client's transmit time comes back as the server's
			// origin time; the server received it a little later.
			sent := ts{3_900_000_000 + uint32(i)*64, uint32(i) * 0x9e3779b9}
			recv := ts{sent.sec, sent.frac + 0x01000000}
			reply := ts{recv.sec, recv.frac + 0x00100000}
			add(datagram{true, std(0xe3, 0, 6, -20, 0, 0x206, "\x00\x00\x00\x00", ts{}, ts{}, ts{}, sent)})
			add(datagram{false, std(0x24, 2, 6, -23, 0x1a0, 0x2c4, "\xc0\x00\x02\x01", tsRef, sent, recv, reply)})
		}
	}
	return run
}

func (run *timeRun) feed(c *conn) {
	for _, d := range run.datagrams {
		c.Deliver(d.isOrig, d.data)
	}
}
