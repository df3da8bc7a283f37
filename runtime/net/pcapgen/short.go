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
	return benchTrace(func(i int, _ *Writer) bool { return i < n }, func(int) []Message { return shortExchange })
}

// IdleConns writes n TCP connections, each from its own client to the
// HTTP port of one server, that complete the handshake and stay open
// without data: three packets each, 1 µs apart. They are the "idle TCP
// connection" the memory target per connection is stated for (every
// one still tracked at the end, with the analysers its port starts).
func IdleConns(n int) (trace []byte, packets, frameBytes int) {
	return benchTrace(func(i int, _ *Writer) bool { return i < n }, func(int) []Message { return nil })
}

// BulkConns writes n HTTP transfers like MixedConns' bulk one (a
// request, a header and 200 full 1448-byte segments of body: 410
// packets each): the large-stream load, where per-packet analyser cost
// rather than per-connection script cost sets the speed.
func BulkConns(n int) (trace []byte, packets, frameBytes int) {
	return benchTrace(func(i int, _ *Writer) bool { return i < n }, func(int) []Message { return bulk })
}

// MixedConns writes TCP connections until at least minPackets packets,
// in a fixed mix of sizes repeating every 20 connections: 14 short ones
// as in ShortConns (10 packets), 5 that answer a request with a header
// and ten 1400-byte messages of body (30 packets) and one bulk transfer
// of a header and 200 full 1448-byte segments (410 packets): 35 packets
// and 18 kB per connection on average, the many-mice-few-elephants
// shape of real traffic. Each exchange is well-formed HTTP/1.1, so the
// bodies go through HTTP as content of a known length. It returns the
// trace and its packet and frame byte counts.
func MixedConns(minPackets int) (trace []byte, packets, frameBytes int) {
	return benchTrace(func(_ int, w *Writer) bool { return w.Packets < minPackets }, func(i int) []Message {
		switch i % 20 {
		case 3, 7, 11, 15, 19:
			return medium
		case 9:
			return bulk
		}
		return shortExchange
	})
}

var (
	shortExchange = []Message{
		Req("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"),
		Resp("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello"),
	}
	medium = append([]Message{
		Req("GET /page HTTP/1.1\r\nHost: example.com\r\n\r\n"),
		Resp("HTTP/1.1 200 OK\r\nContent-Length: 14000\r\n\r\n"),
	}, repeat(Message{FromResp: true, Data: bytes.Repeat([]byte("m"), 1400)}, 10)...)
	bulk = append([]Message{
		Req("GET /file HTTP/1.1\r\nHost: example.com\r\n\r\n"),
		Resp("HTTP/1.1 200 OK\r\nContent-Length: 289600\r\n\r\n"),
	}, repeat(Message{FromResp: true, Data: bytes.Repeat([]byte("b"), 1448)}, 200)...)
)

func repeat(m Message, n int) []Message {
	ms := make([]Message, n)
	for i := range ms {
		ms[i] = m
	}
	return ms
}

// benchTrace writes connections i = 0, 1, … while more(i, w), each from
// its own client to one server with the messages of conn(i), 1 µs
// between packets; a connection without messages is left open.
func benchTrace(more func(i int, w *Writer) bool, conn func(i int) []Message) (trace []byte, packets, frameBytes int) {
	var buf bytes.Buffer
	w, err := NewWriter(&buf, time.Unix(1704067200, 0))
	if err != nil {
		panic(err) // writing to memory does not fail
	}
	srv := netip.MustParseAddrPort("192.0.2.80:80")
	for i := 0; more(i, w); i++ {
		cli := netip.AddrPortFrom(netip.AddrFrom4([4]byte{10, byte(i >> 16), byte(i >> 8), byte(i)}), uint16(1024+i%60000))
		msgs := conn(i)
		c := TCP{Orig: cli, Resp: srv, Gap: time.Microsecond, Messages: msgs}
		if msgs == nil {
			c.End = LeaveOpen
		}
		if err := c.WriteTo(w); err != nil {
			panic(err)
		}
	}
	return buf.Bytes(), w.Packets, w.Bytes
}
