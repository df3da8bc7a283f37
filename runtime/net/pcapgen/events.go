package pcapgen

import (
	"bytes"
	"encoding/binary"
	"net/netip"
	"time"

	"github.com/gopacket/gopacket/layers"
)

// The traces of the connection event tests (testdata/run/events-*.zeek):
// TCP oddities, UDP delivery and timeouts, ICMP and ICMPv6 messages.

// EventsStart is the first packet time of the event traces
// (2024-01-01 01:00:00 UTC).
var EventsStart = time.Unix(1704070800, 0).UTC()

// EventsTCP describes testdata/pcap/events-tcp.pcap: an unanswered SYN; a
// connection with SYN options and a lost segment; a partial connection; a
// FIN then RST; a SYN-ACK seen before its SYN; a connection reused by a
// new SYN; retransmissions and zero windows; a close begun by a side not
// seen before; bad checksums; then six minutes of silence and a last
// connection left open.
func EventsTCP() []Conversation {
	ap, ip := netip.MustParseAddrPort, netip.MustParseAddr
	srv := func(port uint16) netip.AddrPort { return netip.AddrPortFrom(ip("192.0.2.10"), port) }
	opts := func(mss uint16, ts uint32, echo uint32, scale byte) []layers.TCPOption {
		return []layers.TCPOption{
			{OptionType: layers.TCPOptionKindMSS, OptionLength: 4, OptionData: binary.BigEndian.AppendUint16(nil, mss)},
			{OptionType: layers.TCPOptionKindSACKPermitted, OptionLength: 2},
			{OptionType: layers.TCPOptionKindTimestamps, OptionLength: 10,
				OptionData: binary.BigEndian.AppendUint32(binary.BigEndian.AppendUint32(nil, ts), echo)},
			{OptionType: layers.TCPOptionKindNop},
			{OptionType: layers.TCPOptionKindWindowScale, OptionLength: 3, OptionData: []byte{scale}},
		}
	}
	handshake := []Segment{{Flags: "S"}, {FromResp: true, Flags: "SA", Ack: 1}, {Flags: "A", Seq: 1, Ack: 1}}
	seg := func(segs ...Segment) []Segment { return append(append([]Segment(nil), handshake...), segs...) }
	retransmit := func(n int, s Segment) []Segment {
		out := make([]Segment, n)
		for i := range out {
			out[i] = s
		}
		return out
	}
	stalls := append(seg(Segment{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("0123456789")}),
		retransmit(10, Segment{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("0123456789")})...)
	stalls = append(stalls, retransmit(10, Segment{FromResp: true, Flags: "A", Seq: 1, Ack: 11, ZeroWindow: true})...)
	stalls = append(stalls, Segment{Flags: "FA", Seq: 11, Ack: 1}, Segment{FromResp: true, Flags: "FA", Seq: 1, Ack: 12},
		Segment{Flags: "A", Seq: 12, Ack: 2})
	var bad []Segment
	for i := 0; i < 10; i++ {
		bad = append(bad, Segment{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("bad")})
	}
	return []Conversation{
		Segments{Orig: ap("10.0.1.7:40007"), Resp: srv(4000), Segs: []Segment{{Flags: "S"}}},
		Segments{Orig: ap("10.0.1.1:40001"), Resp: srv(8080), Segs: []Segment{
			{Flags: "S", Options: opts(1460, 100, 0, 7)},
			{FromResp: true, Flags: "SA", Ack: 1, Options: opts(1400, 200, 100, 2)},
			{Flags: "A", Seq: 1, Ack: 1},
			{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("AAAA")},
			{Flags: "PA", Seq: 5, Ack: 1, Data: []byte("BBBB"), Lost: true},
			{Flags: "PA", Seq: 9, Ack: 1, Data: []byte("CCCC")},
			{FromResp: true, Flags: "A", Seq: 1, Ack: 13},
			{Flags: "FA", Seq: 13, Ack: 1},
			{FromResp: true, Flags: "FA", Seq: 1, Ack: 14},
			{Flags: "A", Seq: 14, Ack: 2},
		}},
		Segments{Orig: ap("10.0.1.2:40002"), Resp: srv(9000), Segs: []Segment{
			{Flags: "PA", Seq: 1000, Ack: 2000, Data: []byte("hello")},
			{FromResp: true, Flags: "PA", Seq: 2000, Ack: 1005, Data: []byte("world")},
			{Flags: "A", Seq: 1005, Ack: 2005},
		}},
		Segments{Orig: ap("10.0.1.3:40003"), Resp: srv(80), Segs: seg(
			Segment{Flags: "FA", Seq: 1, Ack: 1},
			Segment{FromResp: true, Flags: "A", Seq: 1, Ack: 2},
			Segment{Flags: "R", Seq: 2},
		)},
		Segments{Orig: ap("10.0.1.4:40004"), Resp: srv(7000), Segs: []Segment{
			{FromResp: true, Flags: "SA", Ack: 1},
			{Flags: "S"},
			{Flags: "A", Seq: 1, Ack: 1},
			{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("hi")},
			{FromResp: true, Flags: "A", Seq: 1, Ack: 3},
		}},
		Segments{Orig: ap("10.0.1.5:40005"), Resp: srv(6000), Segs: seg(
			Segment{Flags: "FA", Seq: 1, Ack: 1},
			Segment{FromResp: true, Flags: "FA", Seq: 1, Ack: 2},
			Segment{Flags: "A", Seq: 2, Ack: 2},
		)},
		Pause(time.Second),
		Segments{Orig: ap("10.0.1.5:40005"), Resp: srv(6000), Segs: []Segment{
			{Flags: "S", ISN: 1000},
			{FromResp: true, Flags: "SA", Ack: 1001},
			{Flags: "A", ISN: 1000, Seq: 1, Ack: 1},
		}},
		Segments{Orig: ap("10.0.1.6:40006"), Resp: srv(5000), Segs: stalls},
		Segments{Orig: ap("10.0.1.8:40008"), Resp: srv(3000), Segs: []Segment{
			{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("data")},
			{FromResp: true, Flags: "FA", Seq: 1, Ack: 5},
		}},
		Corrupted{Segments{Orig: ap("10.0.1.9:40009"), Resp: srv(2000), Segs: bad}},
		Pause(6 * time.Minute),
		Segments{Orig: ap("10.0.1.10:40010"), Resp: srv(1000), Segs: seg(
			Segment{Flags: "PA", Seq: 1, Ack: 1, Data: []byte("end")},
		)},
	}
}

// EventsUDP describes testdata/pcap/events-udp.pcap: a request/reply
// exchange, a DNS query and answer, ten datagrams with bad checksums,
// then a minute and a half of silence and one more datagram.
func EventsUDP() []Conversation {
	ap := netip.MustParseAddrPort
	return []Conversation{
		UDP{Orig: ap("10.0.2.1:5555"), Resp: ap("192.0.2.20:7777"), Messages: []Message{Req("ping1"), Resp("pong1"), Req("ping2")}},
		UDP{Orig: ap("10.0.2.2:6666"), Resp: ap("192.0.2.53:53"), Messages: []Message{{Data: dnsQuery}, {FromResp: true, Data: dnsReply}}},
		Corrupted{UDP{Orig: ap("10.0.2.3:7000"), Resp: ap("192.0.2.20:8000"), Messages: []Message{
			Req("bad"), Req("bad"), Req("bad"), Req("bad"), Req("bad"), Req("bad"), Req("bad"), Req("bad"), Req("bad"), Req("bad"),
		}}},
		Pause(90 * time.Second),
		UDP{Orig: ap("10.0.2.4:9000"), Resp: ap("192.0.2.20:9001"), Messages: []Message{Req("x")}},
	}
}

// EventsICMP describes testdata/pcap/events-icmp.pcap: ICMP errors quoting
// UDP, TCP, ICMP and broken packets, other ICMP messages, and the ICMPv6
// errors, neighbor discovery (with options) and MLD messages.
func EventsICMP() []Conversation {
	ip := netip.MustParseAddr
	router, host, peer := ip("192.0.2.1"), ip("10.0.3.1"), ip("198.51.100.7")
	r6, h6, p6 := ip("fe80::1"), ip("2001:db8::10"), ip("2001:db8:1::7")
	udp4 := quoted4(host, peer, layers.IPProtocolUDP, 0x4000, 37, udpHeader(40000, 53, 17))
	tcp4 := quoted4(host, peer, layers.IPProtocolTCP, 0x2000|185, 60, []byte{0x9c, 0x41, 0x00, 0x50, 1, 2, 3, 4})
	echo4 := quoted4(host, peer, layers.IPProtocolICMPv4, 0, 28, []byte{8, 0, 0, 0, 0x12, 0x34, 0, 1})
	badSum := quoted4(host, peer, layers.IPProtocolUDP, 0, 28, udpHeader(1, 2, 8))
	badSum[10] ^= 0xff
	mtu := [4]byte{0, 0, 0x05, 0x00}
	nd := func(opts ...[]byte) []byte { return bytes.Join(opts, nil) }
	return []Conversation{
		ICMP{Src: router, Dst: host, Type: 3, Code: 3, Body: udp4},
		ICMP{Src: router, Dst: host, Type: 11, Code: 0, Body: tcp4},
		ICMP{Src: router, Dst: host, Type: 3, Code: 1, Body: echo4},
		ICMP{Src: router, Dst: host, Type: 3, Code: 0, Body: udp4[:10]},
		ICMP{Src: router, Dst: host, Type: 3, Code: 2, Body: udp4[:20]},
		ICMP{Src: router, Dst: host, Type: 3, Code: 3, Body: badSum},
		ICMP{Src: host, Dst: peer, Type: 13, Code: 0, Rest: [4]byte{0, 7, 0, 1}, Body: make([]byte, 12)},
		ICMP{Src: router, Dst: host, Type: 5, Code: 1, Rest: [4]byte{192, 0, 2, 254}, Body: udp4},
		ICMPEcho{Orig: h6, Resp: p6, ID: 0x99, Seq: 3, Data: []byte("ping6")},
		ICMP{Src: r6, Dst: h6, Type: 2, Code: 0, Rest: mtu, Body: quoted6(h6, p6, 17, udpHeader(5353, 5353, 8))},
		ICMP{Src: r6, Dst: h6, Type: 4, Code: 1, Rest: [4]byte{0, 0, 0, 40}, Body: quoted6(h6, p6, 44,
			append([]byte{6, 0, 0x05, 0xc9, 0, 0, 0, 9}, 0xc3, 0x50, 0x01, 0xbb))},
		ICMP{Src: r6, Dst: h6, Type: 3, Code: 0, Body: quoted6(h6, p6, 17, nil)[:30]},
		ICMP{Src: r6, Dst: h6, Type: 1, Code: 4, Body: quoted6(h6, p6, 58, []byte{128, 0, 0, 0, 0, 0x99, 0, 3})},
		ICMP{Src: r6, Dst: h6, Type: 100, Code: 7, Body: quoted6(h6, p6, 6, []byte{0, 80, 0xc3, 0x50})},
		ICMP{Src: h6, Dst: ip("ff02::2"), Type: 133, Body: ndOpt(1, []byte{2, 0, 0, 0, 0, 0x10})},
		ICMP{Src: r6, Dst: ip("ff02::1"), Type: 134, Rest: [4]byte{64, 0xff, 0x07, 0x08},
			Body: nd([]byte{0, 0, 0x75, 0x30, 0, 0, 0x03, 0xe8},
				ndOpt(1, []byte{2, 0, 0, 0, 0, 1}), ndOpt(5, []byte{0, 0, 0, 0, 0x05, 0xdc}),
				ndOpt(3, prefixInfo(ip("2001:db8:1::"), 64, 0xc0, 86400, 14400)),
				ndOpt(25, []byte{0, 0, 0, 0, 0x0e, 0x10}))},
		ICMP{Src: h6, Dst: ip("ff02::1:ff00:1"), Type: 135, Body: nd(r6.AsSlice(), ndOpt(1, []byte{2, 0, 0, 0, 0, 0x10}))},
		ICMP{Src: r6, Dst: h6, Type: 136, Rest: [4]byte{0xe0, 0, 0, 0}, Body: nd(r6.AsSlice(), ndOpt(2, []byte{2, 0, 0, 0, 0, 1}))},
		ICMP{Src: r6, Dst: h6, Type: 137, Body: nd(ip("fe80::2").AsSlice(), p6.AsSlice(),
			ndOpt(4, append(make([]byte, 6), quoted6(h6, p6, 17, udpHeader(7, 7, 8))...)))},
		ICMP{Src: h6, Dst: ip("ff02::1"), Type: 135, Body: nd(r6.AsSlice(), []byte{1, 0, 2, 0, 0, 0, 0, 0})},
		ICMP{Src: h6, Dst: ip("ff02::16"), Type: 131, Body: ip("ff02::fb").AsSlice()},
		ICMP{Src: h6, Dst: ip("ff02::2"), Type: 132, Body: ip("ff02::fb").AsSlice()},
		ICMP{Src: h6, Dst: ip("ff02::16"), Type: 131, Body: []byte{0xff, 2}},
		ICMP{Src: h6, Dst: ip("ff02::16"), Type: 143, Rest: [4]byte{0, 0, 0, 2}, Body: nd(
			[]byte{4, 0, 0, 0}, ip("ff02::fb").AsSlice(),
			[]byte{1, 1, 0, 1}, ip("ff05::1:3").AsSlice(), h6.AsSlice(), []byte("auxd"))},
		ICMP{Src: r6, Dst: h6, Type: 138, Code: 0, Rest: [4]byte{0, 0, 0, 1}},
		ICMP{Src: h6, Dst: r6, Type: 200, Code: 0, Body: []byte("?")},
	}
}

// quoted4 is an IPv4 packet as quoted in an ICMP error: the header (DF,
// MF and fragment offset from off, the total length given) and the
// first bytes of its transport header.
func quoted4(src, dst netip.Addr, proto layers.IPProtocol, off uint16, total uint16, l4 []byte) []byte {
	h := make([]byte, 20)
	h[0], h[8], h[9] = 0x45, 64, byte(proto)
	binary.BigEndian.PutUint16(h[2:], total)
	binary.BigEndian.PutUint16(h[4:], 0x1234)
	binary.BigEndian.PutUint16(h[6:], off)
	copy(h[12:], src.AsSlice())
	copy(h[16:], dst.AsSlice())
	var sum uint32
	for i := 0; i < 20; i += 2 {
		sum += uint32(binary.BigEndian.Uint16(h[i:]))
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	binary.BigEndian.PutUint16(h[10:], ^uint16(sum))
	return append(h, l4...)
}

// quoted6 is an IPv6 packet as quoted in an ICMPv6 error (next: its next
// header, l4: what follows the fixed header).
func quoted6(src, dst netip.Addr, next byte, l4 []byte) []byte {
	h := make([]byte, 40)
	h[0], h[6], h[7] = 0x60, next, 64
	binary.BigEndian.PutUint16(h[4:], uint16(len(l4))+100)
	copy(h[8:], src.AsSlice())
	copy(h[24:], dst.AsSlice())
	return append(h, l4...)
}

// udpHeader is a UDP header (no checksum).
func udpHeader(sport, dport, length uint16) []byte {
	b := binary.BigEndian.AppendUint16(nil, sport)
	b = binary.BigEndian.AppendUint16(b, dport)
	return append(binary.BigEndian.AppendUint16(b, length), 0, 0)
}

// ndOpt is a neighbor discovery option: type, length in 8-byte units and
// body (which must make the length a multiple of 8).
func ndOpt(typ byte, body []byte) []byte {
	return append([]byte{typ, byte((len(body) + 2) / 8)}, body...)
}

// prefixInfo is a Prefix Information option's body.
func prefixInfo(prefix netip.Addr, bits, flags byte, valid, preferred uint32) []byte {
	b := []byte{bits, flags}
	b = binary.BigEndian.AppendUint32(b, valid)
	b = binary.BigEndian.AppendUint32(b, preferred)
	return append(append(b, 0, 0, 0, 0), prefix.AsSlice()...)
}

// EventsTCPBytes, EventsUDPBytes and EventsICMPBytes are the event traces
// as written.
func EventsTCPBytes() []byte  { return traceBytes(EventsStart, EventsTCP()) }
func EventsUDPBytes() []byte  { return traceBytes(EventsStart, EventsUDP()) }
func EventsICMPBytes() []byte { return traceBytes(EventsStart, EventsICMP()) }
