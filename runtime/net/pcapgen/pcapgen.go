// Package pcapgen writes synthetic pcap traces from short descriptions of
// conversations: TCP (handshake, data, FIN close or RST, rejected or
// unanswered SYN), UDP request/reply and ICMP echo. Everything is
// deterministic: timestamps advance by fixed gaps from a given start,
// sequence numbers, IP ids and MAC addresses derive from the description,
// so the same description always gives the same bytes.
package pcapgen

import (
	"encoding/binary"
	"errors"
	"io"
	"net"
	"net/netip"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
	"github.com/gopacket/gopacket/pcapgo"
)

// DefaultGap is the time between two packets of a conversation when its
// Gap is zero.
const DefaultGap = 10 * time.Millisecond

// Message is one payload of a conversation, sent by the originator or
// (FromResp) by the responder.
type Message struct {
	FromResp bool
	Data     []byte
}

// Req and Resp are shorthands for an originator and a responder message.
func Req(s string) Message  { return Message{Data: []byte(s)} }
func Resp(s string) Message { return Message{FromResp: true, Data: []byte(s)} }

// Conversation is something that writes its packets to a Writer.
type Conversation interface {
	WriteTo(w *Writer) error
}

// TCPEnd is how a TCP conversation ends.
type TCPEnd int

const (
	// Close: originator FIN, responder FIN, originator's last ACK.
	Close TCPEnd = iota
	// ResetOrig: the originator resets after the exchange.
	ResetOrig
	// Reject: SYN answered by RST+ACK; no handshake, no data.
	Reject
	// NoReply: a lone SYN.
	NoReply
	// LeaveOpen: the connection stays established.
	LeaveOpen
)

// TCP is a TCP conversation: a three-way handshake, each message sent
// with PSH+ACK and acknowledged by a pure ACK of the other side, then the
// ending.
type TCP struct {
	Orig, Resp netip.AddrPort
	Messages   []Message
	End        TCPEnd
	Gap        time.Duration // between packets; DefaultGap when zero
}

// UDP is a UDP conversation: each message one datagram.
type UDP struct {
	Orig, Resp netip.AddrPort
	Messages   []Message
	Gap        time.Duration
}

// ICMPEcho is an echo request (ICMP or ICMPv6 by address family),
// answered by an echo reply unless NoReply.
type ICMPEcho struct {
	Orig, Resp netip.Addr
	ID, Seq    uint16
	Data       []byte
	NoReply    bool
	Gap        time.Duration
}

// Pause advances time between conversations.
type Pause time.Duration

// WriteTo implements Conversation.
func (p Pause) WriteTo(w *Writer) error { w.Advance(time.Duration(p)); return nil }

// Writer writes Ethernet-framed packets to a pcap stream.
type Writer struct {
	pw   *pcapgo.Writer
	now  time.Time
	buf  gopacket.SerializeBuffer
	ipID uint16
	// corrupt, while set, spoils the transport checksum of the packets
	// written (see Corrupted).
	corrupt bool
	// Packets and Bytes count what was written (Bytes: frame bytes).
	Packets, Bytes int
}

// Snaplen is the snapshot length written in the file header.
const Snaplen = 65535

// NewWriter writes a pcap file header (microsecond timestamps, Ethernet)
// to w; packet times start at start.
func NewWriter(w io.Writer, start time.Time) (*Writer, error) {
	pw := pcapgo.NewWriter(w)
	if err := pw.WriteFileHeader(Snaplen, layers.LinkTypeEthernet); err != nil {
		return nil, err
	}
	return &Writer{pw: pw, now: start, buf: gopacket.NewSerializeBuffer()}, nil
}

// Write writes a whole trace: the header and the conversations, one
// after the other, each starting one DefaultGap after the previous one.
func Write(w io.Writer, start time.Time, convs ...Conversation) error {
	pw, err := NewWriter(w, start)
	if err != nil {
		return err
	}
	for _, c := range convs {
		if err := c.WriteTo(pw); err != nil {
			return err
		}
	}
	return nil
}

// Now is the timestamp the next packet gets.
func (w *Writer) Now() time.Time { return w.now }

// Advance moves time forward.
func (w *Writer) Advance(d time.Duration) { w.now = w.now.Add(d) }

// mac derives a locally administered MAC address from an IP address.
func mac(a netip.Addr) net.HardwareAddr {
	b := a.As16()
	return net.HardwareAddr{0x02, 0x00, b[12], b[13], b[14], b[15]}
}

// packet serializes and writes one packet from src to dst carrying the
// transport layers, then advances time by gap.
func (w *Writer) packet(src, dst netip.Addr, gap time.Duration, transport ...gopacket.SerializableLayer) error {
	if src.Is4() != dst.Is4() {
		return errors.New("pcapgen: mixed address families")
	}
	eth := &layers.Ethernet{SrcMAC: mac(src), DstMAC: mac(dst)}
	var netLayer gopacket.NetworkLayer
	var ip gopacket.SerializableLayer
	proto := layers.IPProtocolTCP
	switch transport[0].(type) {
	case *layers.UDP:
		proto = layers.IPProtocolUDP
	case *layers.ICMPv4:
		proto = layers.IPProtocolICMPv4
	case *layers.ICMPv6:
		proto = layers.IPProtocolICMPv6
	}
	if src.Is4() {
		w.ipID++
		eth.EthernetType = layers.EthernetTypeIPv4
		v4 := &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Id: w.ipID, Flags: layers.IPv4DontFragment,
			Protocol: proto, SrcIP: src.AsSlice(), DstIP: dst.AsSlice()}
		netLayer, ip = v4, v4
	} else {
		eth.EthernetType = layers.EthernetTypeIPv6
		v6 := &layers.IPv6{Version: 6, HopLimit: 64, NextHeader: proto, SrcIP: src.AsSlice(), DstIP: dst.AsSlice()}
		netLayer, ip = v6, v6
	}
	switch t := transport[0].(type) {
	case *layers.TCP:
		_ = t.SetNetworkLayerForChecksum(netLayer)
	case *layers.UDP:
		_ = t.SetNetworkLayerForChecksum(netLayer)
	case *layers.ICMPv6:
		_ = t.SetNetworkLayerForChecksum(netLayer)
	}
	ls := append([]gopacket.SerializableLayer{eth, ip}, transport...)
	if err := gopacket.SerializeLayers(w.buf, gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}, ls...); err != nil {
		return err
	}
	data := w.buf.Bytes()
	if w.corrupt {
		// Flip the IP packet's last byte (not the Ethernet padding),
		// after the checksum was computed.
		end := 14 + int(binary.BigEndian.Uint16(data[16:]))
		if !src.Is4() {
			end = 14 + 40 + int(binary.BigEndian.Uint16(data[18:]))
		}
		data[end-1] ^= 0xff
	}
	ci := gopacket.CaptureInfo{Timestamp: w.now, CaptureLength: len(data), Length: len(data)}
	if err := w.pw.WritePacket(ci, data); err != nil {
		return err
	}
	w.Packets++
	w.Bytes += len(data)
	w.now = w.now.Add(gap)
	return nil
}

func gapOr(g time.Duration) time.Duration {
	if g <= 0 {
		return DefaultGap
	}
	return g
}

// isn is a deterministic initial sequence number for an endpoint.
func isn(ap netip.AddrPort, salt uint32) uint32 {
	b := ap.Addr().As16()
	return salt ^ uint32(b[12])<<24 ^ uint32(b[13])<<16 ^ uint32(b[14])<<8 ^ uint32(b[15]) ^ uint32(ap.Port())<<12
}

// WriteTo implements Conversation.
func (c TCP) WriteTo(w *Writer) error {
	gap := gapOr(c.Gap)
	o, r := c.Orig, c.Resp
	oseq, rseq := isn(o, 0x10000000), isn(r, 0x60000000)
	seg := func(fromResp bool, f func(t *layers.TCP), payload []byte) error {
		t := &layers.TCP{Window: 65535}
		src, dst := o, r
		t.Seq, t.Ack = oseq, rseq
		if fromResp {
			src, dst = r, o
			t.Seq, t.Ack = rseq, oseq
		}
		t.SrcPort, t.DstPort = layers.TCPPort(src.Port()), layers.TCPPort(dst.Port())
		f(t)
		if !t.ACK {
			t.Ack = 0
		}
		ls := []gopacket.SerializableLayer{t}
		if len(payload) > 0 {
			ls = append(ls, gopacket.Payload(payload))
		}
		n := uint32(len(payload))
		if t.SYN || t.FIN {
			n++
		}
		if fromResp {
			rseq += n
		} else {
			oseq += n
		}
		return w.packet(src.Addr(), dst.Addr(), gap, ls...)
	}
	if err := seg(false, func(t *layers.TCP) { t.SYN = true }, nil); err != nil {
		return err
	}
	switch c.End {
	case NoReply:
		return nil
	case Reject:
		return seg(true, func(t *layers.TCP) { t.RST, t.ACK, t.Window = true, true, 0 }, nil)
	}
	steps := []struct {
		resp bool
		f    func(t *layers.TCP)
		data []byte
	}{
		{true, func(t *layers.TCP) { t.SYN, t.ACK = true, true }, nil},
		{false, func(t *layers.TCP) { t.ACK = true }, nil},
	}
	for _, m := range c.Messages {
		steps = append(steps,
			struct {
				resp bool
				f    func(t *layers.TCP)
				data []byte
			}{m.FromResp, func(t *layers.TCP) { t.PSH, t.ACK = true, true }, m.Data},
			struct {
				resp bool
				f    func(t *layers.TCP)
				data []byte
			}{!m.FromResp, func(t *layers.TCP) { t.ACK = true }, nil})
	}
	for _, s := range steps {
		if err := seg(s.resp, s.f, s.data); err != nil {
			return err
		}
	}
	switch c.End {
	case Close:
		if err := seg(false, func(t *layers.TCP) { t.FIN, t.ACK = true, true }, nil); err != nil {
			return err
		}
		if err := seg(true, func(t *layers.TCP) { t.FIN, t.ACK = true, true }, nil); err != nil {
			return err
		}
		return seg(false, func(t *layers.TCP) { t.ACK = true }, nil)
	case ResetOrig:
		return seg(false, func(t *layers.TCP) { t.RST, t.ACK, t.Window = true, true, 0 }, nil)
	}
	return nil
}

// WriteTo implements Conversation.
func (c UDP) WriteTo(w *Writer) error {
	gap := gapOr(c.Gap)
	for _, m := range c.Messages {
		src, dst := c.Orig, c.Resp
		if m.FromResp {
			src, dst = dst, src
		}
		u := &layers.UDP{SrcPort: layers.UDPPort(src.Port()), DstPort: layers.UDPPort(dst.Port())}
		if err := w.packet(src.Addr(), dst.Addr(), gap, u, gopacket.Payload(m.Data)); err != nil {
			return err
		}
	}
	return nil
}

// WriteTo implements Conversation.
func (c ICMPEcho) WriteTo(w *Writer) error {
	gap := gapOr(c.Gap)
	send := func(src, dst netip.Addr, reply bool) error {
		if src.Is4() {
			typ := uint8(layers.ICMPv4TypeEchoRequest)
			if reply {
				typ = layers.ICMPv4TypeEchoReply
			}
			ic := &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, 0), Id: c.ID, Seq: c.Seq}
			return w.packet(src, dst, gap, ic, gopacket.Payload(c.Data))
		}
		typ := uint8(layers.ICMPv6TypeEchoRequest)
		if reply {
			typ = layers.ICMPv6TypeEchoReply
		}
		ic := &layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(typ, 0)}
		echo := &layers.ICMPv6Echo{Identifier: c.ID, SeqNumber: c.Seq}
		return w.packet(src, dst, gap, ic, echo, gopacket.Payload(c.Data))
	}
	if err := send(c.Orig, c.Resp, false); err != nil {
		return err
	}
	if c.NoReply {
		return nil
	}
	return send(c.Resp, c.Orig, true)
}
