package pcapgen

import (
	"bytes"
	"net/netip"
	"time"
)

// ShortConns writes n short TCP connections, each from its own client to
// one server, 1 µs between packets: a handshake, a request and a
// response (each acknowledged) and a FIN close, ten packets each. The
// whole trace spans well under the close delay, so every connection is
// still tracked when it ends: the benchmarks' connection-heavy load.
// It returns the trace and its packet and frame byte counts.
func ShortConns(n int) (trace []byte, packets, frameBytes int) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, time.Unix(1704067200, 0))
	if err != nil {
		panic(err) // writing to memory does not fail
	}
	srv := netip.MustParseAddrPort("192.0.2.80:80")
	for i := 0; i < n; i++ {
		cli := netip.AddrPortFrom(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), uint16(1024+i%60000))
		c := TCP{Orig: cli, Resp: srv, Gap: time.Microsecond, Messages: []Message{
			Req("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"),
			Resp("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"),
		}}
		if err := c.WriteTo(w); err != nil {
			panic(err)
		}
	}
	return buf.Bytes(), w.Packets, w.Bytes
}
