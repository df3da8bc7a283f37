package pcapgen

import (
	"encoding/binary"
	"net/netip"
	"strings"
	"time"

	"github.com/gopacket/gopacket"
	"github.com/gopacket/gopacket/layers"
)

// Segments is a TCP conversation written segment by segment, for what TCP
// cannot describe: lost segments, retransmissions, zero windows, options,
// odd openings and closes.
type Segments struct {
	Orig, Resp netip.AddrPort
	Segs       []Segment
	Gap        time.Duration
}

// Segment is one TCP segment. Seq counts from the sender's initial
// sequence number (its SYN is 0, its first data byte 1) and Ack from the
// receiver's; ISN shifts the sender's initial sequence number (a new
// connection on the same ports).
type Segment struct {
	FromResp   bool
	Flags      string // letters of S F R P A U
	Seq, Ack   uint32
	ISN        uint32
	Data       []byte
	Options    []layers.TCPOption
	ZeroWindow bool // window 0 instead of 65535
	// Lost segments are not written: the capture missed them (time
	// still advances).
	Lost bool
}

// WriteTo implements Conversation.
func (c Segments) WriteTo(w *Writer) error {
	gap := gapOr(c.Gap)
	for _, s := range c.Segs {
		if s.Lost {
			w.Advance(gap)
			continue
		}
		src, dst := c.Orig, c.Resp
		if s.FromResp {
			src, dst = dst, src
		}
		t := &layers.TCP{SrcPort: layers.TCPPort(src.Port()), DstPort: layers.TCPPort(dst.Port()), Window: 65535, Options: s.Options}
		if s.ZeroWindow {
			t.Window = 0
		}
		f := s.Flags
		t.SYN, t.FIN, t.RST = strings.Contains(f, "S"), strings.Contains(f, "F"), strings.Contains(f, "R")
		t.PSH, t.ACK, t.URG = strings.Contains(f, "P"), strings.Contains(f, "A"), strings.Contains(f, "U")
		t.Seq = c.isn(s.FromResp) + s.ISN + s.Seq
		if t.ACK {
			t.Ack = c.isn(!s.FromResp) + s.Ack
		}
		ls := []gopacket.SerializableLayer{t}
		if len(s.Data) > 0 {
			ls = append(ls, gopacket.Payload(s.Data))
		}
		if err := w.packet(src.Addr(), dst.Addr(), gap, ls...); err != nil {
			return err
		}
	}
	return nil
}

// isn is one side's initial sequence number (as TCP's).
func (c Segments) isn(resp bool) uint32 {
	if resp {
		return isn(c.Resp, 0x60000000)
	}
	return isn(c.Orig, 0x10000000)
}

// ICMP is one ICMP message (ICMPv6 for IPv6 addresses) of any type: Rest
// is the header's second word (bytes 4 to 7), Body what follows.
type ICMP struct {
	Src, Dst   netip.Addr
	Type, Code uint8
	Rest       [4]byte
	Body       []byte
	Gap        time.Duration
}

// WriteTo implements Conversation.
func (c ICMP) WriteTo(w *Writer) error {
	gap := gapOr(c.Gap)
	if c.Src.Is4() {
		ic := &layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(c.Type, c.Code),
			Id: binary.BigEndian.Uint16(c.Rest[:2]), Seq: binary.BigEndian.Uint16(c.Rest[2:])}
		return w.packet(c.Src, c.Dst, gap, ic, gopacket.Payload(c.Body))
	}
	ic := &layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(c.Type, c.Code)}
	return w.packet(c.Src, c.Dst, gap, ic, gopacket.Payload(append(c.Rest[:], c.Body...)))
}

// Corrupted writes a conversation with a wrong transport checksum in
// every packet.
type Corrupted struct{ Conversation }

// WriteTo implements Conversation.
func (c Corrupted) WriteTo(w *Writer) error {
	w.corrupt = true
	defer func() { w.corrupt = false }()
	return c.Conversation.WriteTo(w)
}
