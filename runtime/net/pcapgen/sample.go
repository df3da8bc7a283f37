package pcapgen

import (
	"bytes"
	"net/netip"
	"time"
)

// SampleStart is the first packet time of the sample trace
// (2024-01-01 00:00:00 UTC).
var SampleStart = time.Unix(1704067200, 0).UTC()

// Sample describes testdata/pcap/sample.pcap, gobro's bundled trace: an
// HTTP-like keep-alive exchange (two requests) closed with FINs, a rejected SYN, a DNS-like UDP
// query and reply, an ICMP echo pair and an unanswered UDP datagram.
func Sample() []Conversation {
	ap := netip.MustParseAddrPort
	a := netip.MustParseAddr
	return []Conversation{
		TCP{Orig: ap("10.0.0.2:49152"), Resp: ap("192.0.2.80:80"), Messages: []Message{
			Req("GET /index.html HTTP/1.1\r\nHost: example.com\r\nUser-Agent: gobro-pcapgen\r\n\r\n"),
			Resp("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 44\r\n\r\n<html><body>Hello from gobro</body></html>\r\n"),
			Req("GET /favicon.ico HTTP/1.1\r\nHost: example.com\r\nUser-Agent: gobro-pcapgen\r\n\r\n"),
			Resp("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"),
		}, End: Close, Gap: 20 * time.Millisecond},
		Pause(100 * time.Millisecond),
		TCP{Orig: ap("10.0.0.2:49153"), Resp: ap("192.0.2.25:25"), End: Reject, Gap: 5 * time.Millisecond},
		Pause(100 * time.Millisecond),
		UDP{Orig: ap("10.0.0.2:53001"), Resp: ap("192.0.2.53:53"), Messages: []Message{
			{Data: dnsQuery}, {FromResp: true, Data: dnsReply},
			{Data: dnsQueryAAAA}, {FromResp: true, Data: dnsReplyAAAA},
		}, Gap: 15 * time.Millisecond},
		Pause(100 * time.Millisecond),
		ICMPEcho{Orig: a("10.0.0.2"), Resp: a("192.0.2.1"), ID: 0x4242, Seq: 1, Data: []byte("gobro ping payload 0123456789abcdef"), Gap: 8 * time.Millisecond},
		Pause(100 * time.Millisecond),
		UDP{Orig: ap("10.0.0.2:40000"), Resp: ap("192.0.2.99:9999"), Messages: []Message{Req("hello?")}},
	}
}

// DNS queries for example.com A (id 0x1234, RD) and AAAA (id 0x1235),
// and their answers 93.184.216.34 and 2606:2800:220:1:248:1893:25c8:1946
// (TTL 300).
var (
	dnsQuery = []byte("\x12\x34\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" +
		"\x07example\x03com\x00\x00\x01\x00\x01")
	dnsReply = []byte("\x12\x34\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00" +
		"\x07example\x03com\x00\x00\x01\x00\x01" +
		"\xc0\x0c\x00\x01\x00\x01\x00\x00\x01\x2c\x00\x04\x5d\xb8\xd8\x22")
	dnsQueryAAAA = []byte("\x12\x35\x01\x00\x00\x01\x00\x00\x00\x00\x00\x00" +
		"\x07example\x03com\x00\x00\x1c\x00\x01")
	dnsReplyAAAA = []byte("\x12\x35\x81\x80\x00\x01\x00\x01\x00\x00\x00\x00" +
		"\x07example\x03com\x00\x00\x1c\x00\x01" +
		"\xc0\x0c\x00\x1c\x00\x01\x00\x00\x01\x2c\x00\x10" +
		"\x26\x06\x28\x00\x02\x20\x00\x01\x02\x48\x18\x93\x25\xc8\x19\x46")
)

// SampleBytes is the sample trace as written.
func SampleBytes() []byte { return traceBytes(SampleStart, Sample()) }

// traceBytes writes one of the bundled traces.
func traceBytes(start time.Time, convs []Conversation) []byte {
	var b bytes.Buffer
	if err := Write(&b, start, convs...); err != nil {
		panic(err) // the description is fixed; an error is a bug
	}
	return b.Bytes()
}
