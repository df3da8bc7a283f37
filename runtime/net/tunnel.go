package net

import (
	"encoding/binary"
	"net/netip"

	"github.com/gopacket/gopacket/layers"
)

// DefaultMaxTunnelDepth is Zeek's Tunnel::max_depth default.
const DefaultMaxTunnelDepth = 2

// Tunnel port numbers Zeek decapsulates on (Tunnel::vxlan_ports,
// Tunnel::teredo_ports; Teredo is also found by content on any UDP port).
const (
	VXLANPort  uint16 = 4789
	TeredoPort uint16 = 3544
)

// TunnelType mirrors Zeek's Tunnel::Type enum.
type TunnelType uint8

// Tunnel types (Zeek's Tunnel::Type names via String).
const (
	TunnelNone TunnelType = iota
	TunnelIP
	TunnelAYIYA
	TunnelTeredo
	TunnelSOCKS
	TunnelGTPv1
	TunnelHTTP
	TunnelGRE
	TunnelVXLAN
	TunnelGeneve
)

func (t TunnelType) String() string {
	switch t {
	case TunnelIP:
		return "Tunnel::IP"
	case TunnelAYIYA:
		return "Tunnel::AYIYA"
	case TunnelTeredo:
		return "Tunnel::TEREDO"
	case TunnelSOCKS:
		return "Tunnel::SOCKS"
	case TunnelGTPv1:
		return "Tunnel::GTPv1"
	case TunnelHTTP:
		return "Tunnel::HTTP"
	case TunnelGRE:
		return "Tunnel::GRE"
	case TunnelVXLAN:
		return "Tunnel::VXLAN"
	case TunnelGeneve:
		return "Tunnel::GENEVE"
	}
	return "Tunnel::NONE"
}

// Encapsulation is one tunnel level (Zeek's EncapsulatingConn without the
// uid): the outer packet's 5-tuple as seen on the wire (not yet oriented
// to the outer connection's originator) and the tunnel type. For IP-in-IP
// and GRE the ports are 0 and Proto is 0 (Zeek's unknown transport); for
// Teredo and VXLAN Proto is UDP. The engine fills in the uid: the outer
// connection's uid for UDP tunnels, a per-(src,dst) tunnel uid otherwise.
type Encapsulation struct {
	Type             TunnelType
	Src, Dst         netip.Addr
	SrcPort, DstPort uint16
	Proto            uint8
}

// Decapsulate decodes the packet tunnelled inside p, which must be the
// latest packet this Decoder returned at its level (from Decode,
// DecodeBytes, Reassemble or Decapsulate). It returns nil when p carries
// no tunnel Zeek would decapsulate. Problems with the tunnel (depth limit,
// bad inner header) are added to p's weirds; those of the inner packet's
// own headers are in the returned packet's Weird. The outer packet stays
// valid (it lives in another buffer) until the next Decode.
func (d *Decoder) Decapsulate(p *Packet) *Packet {
	if p == nil || p.IPVersion == 0 || p.IsFragment || p.Err != nil {
		return nil
	}
	level := len(p.Encap)
	e := Encapsulation{Src: p.Src, Dst: p.Dst}
	var inner []byte
	link := layers.LinkTypeRaw
	depthWeird := "exceeded_tunnel_max_depth"
	switch {
	case p.Proto == ProtoIPv4 || p.Proto == ProtoIPv6:
		e.Type, inner = TunnelIP, p.Payload
		if len(inner) == 0 || (p.Proto == ProtoIPv4) != (inner[0]>>4 == 4) || (p.Proto == ProtoIPv6) != (inner[0]>>4 == 6) {
			return nil // decode already reported invalid_inner_IP_version
		}
	case p.Proto == 47:
		var w string
		inner, link, w = parseGRE(p.Payload)
		if w != "" {
			p.addWeird(w)
		}
		if inner == nil {
			return nil
		}
		e.Type = TunnelGRE
	case p.Proto == ProtoUDP && p.HasTransport:
		e.SrcPort, e.DstPort, e.Proto = p.SrcPort, p.DstPort, ProtoUDP
		if p.DstPort == VXLANPort {
			if len(p.Payload) < 8 {
				p.addWeird("vxlan_truncated")
				return nil
			}
			e.Type, inner, link = TunnelVXLAN, p.Payload[8:], layers.LinkTypeEthernet
			break
		}
		in, w := teredoInner(p.Payload)
		if in == nil {
			return nil
		}
		e.Type, inner, depthWeird = TunnelTeredo, in, "tunnel_depth"
		if w != "" {
			p.addWeird(w)
		}
	default:
		return nil
	}
	if level >= d.MaxTunnelDepth {
		p.addWeird(depthWeird)
		return nil
	}
	for len(d.encap) <= level {
		d.encap = append(d.encap, Encapsulation{})
	}
	d.encap = d.encap[:level+1]
	d.encap[level] = e
	q := d.decodeInto(d.slot(2*(level+1)), link, inner, p.Timestamp, len(inner)+(p.WireLen-p.CapLen))
	q.Encap = d.encap[: level+1 : level+1]
	if e.Type != TunnelVXLAN && link == layers.LinkTypeRaw {
		q.renameWeird("truncated_IP", "truncated_inner_IP")
		if q.IPVersion != 0 && q.IPLen < len(inner) && e.Type != TunnelTeredo {
			q.addWeird("inner_IP_payload_length_mismatch")
		}
	}
	return q
}

// Reassemble feeds a fragment to d.Frag. When that completes a datagram it
// is decoded (keeping p's link-layer fields and tunnel chain) and returned;
// otherwise nil. Reassembly weirds are added to p.
func (d *Decoder) Reassemble(p *Packet) *Packet {
	if d.Frag == nil || p == nil || !p.IsFragment {
		return nil
	}
	dgram, weirds := d.Frag.Add(p)
	for _, w := range weirds {
		p.addWeird(w)
	}
	if dgram == nil {
		return nil
	}
	level := len(p.Encap)
	q := d.decodeInto(d.slot(2*level+1), layers.LinkTypeRaw, dgram, p.Timestamp, len(dgram))
	q.Encap = p.Encap
	q.LinkType, q.HasMAC, q.SrcMAC, q.DstMAC = p.LinkType, p.HasMAC, p.SrcMAC, p.DstMAC
	q.NumVLANs, q.VLAN, q.InnerVLAN, q.MPLSLabels, q.PPPoE = p.NumVLANs, p.VLAN, p.InnerVLAN, p.MPLSLabels, p.PPPoE
	q.Reassembled = true
	return q
}

// DecodeChain decodes a frame completely and calls fn for every packet
// level, outermost first: the frame itself, the reassembled datagram when
// a fragment completes one (if d.Frag is set), and each decapsulated inner
// packet (which has Encap set). Tunnel weirds are on the outer packet
// before fn sees it. Packets are only valid during fn.
func (d *Decoder) DecodeChain(rp *RawPacket, fn func(*Packet)) {
	d.walk(d.Decode(rp), fn)
}

func (d *Decoder) walk(p *Packet, fn func(*Packet)) {
	for p != nil {
		var whole *Packet
		if p.IsFragment {
			whole = d.Reassemble(p)
			fn(p)
			if whole == nil {
				return
			}
			p = whole
		}
		in := d.Decapsulate(p)
		fn(p)
		p = in
	}
}

// parseGRE returns the GRE payload and its link type (raw IP or Ethernet),
// or nil and a Zeek weird name. See Zeek's packet_analysis/protocol/gre.
func parseGRE(data []byte) ([]byte, layers.LinkType, string) {
	if len(data) < 4 {
		return nil, 0, "truncated_GRE"
	}
	flags := binary.BigEndian.Uint16(data[0:2])
	proto := binary.BigEndian.Uint16(data[2:4])
	ver := flags & 7
	if ver != 0 && ver != 1 {
		return nil, 0, "unknown_gre_version"
	}
	if flags&0x4000 != 0 {
		return nil, 0, "gre_routing"
	}
	hl := 4
	for _, bit := range []uint16{0x8000, 0x2000, 0x1000, 0x0080} {
		if flags&bit != 0 {
			hl += 4
		}
	}
	if len(data) < hl {
		return nil, 0, "truncated_GRE"
	}
	data = data[hl:]
	if ver == 1 {
		if proto != 0x880b {
			return nil, 0, "egre_protocol_type"
		}
		if len(data) < 4 {
			return nil, 0, "truncated_GRE"
		}
		switch binary.BigEndian.Uint16(data[2:4]) {
		case 0x0021, 0x0057:
			return data[4:], layers.LinkTypeRaw, ""
		}
		return nil, 0, "non_ip_packet_in_encap"
	}
	switch proto {
	case 0x0800, 0x86dd:
		return data, layers.LinkTypeRaw, ""
	case 0x6558: // transparent Ethernet bridging
		if len(data) <= 14 {
			return nil, 0, "truncated_GRE"
		}
		return data, layers.LinkTypeEthernet, ""
	case 0x88be: // ERSPAN type II (type I has no sequence number and no header)
		n := 8
		if flags&0x1000 == 0 {
			n = 0
		}
		if len(data) <= n+14 {
			return nil, 0, "truncated_GRE"
		}
		return data[n:], layers.LinkTypeEthernet, ""
	case 0x22eb: // ERSPAN type III, optional 8-byte platform subheader
		if len(data) < 12 {
			return nil, 0, "truncated_GRE"
		}
		n := 12
		if data[11]&1 != 0 {
			n += 8
		}
		if len(data) <= n+14 {
			return nil, 0, "truncated_GRE"
		}
		return data[n:], layers.LinkTypeEthernet, ""
	}
	return nil, 0, "unknown_gre_protocol"
}

// teredoInner applies Zeek's Teredo checks (origin indication and
// authentication headers, then an IPv6 header whose length matches the
// rest exactly, or a bubble with trailing data) and returns the inner
// IPv6 packet, or nil.
func teredoInner(data []byte) ([]byte, string) {
	if len(data) < 40 {
		return nil, ""
	}
	origin, auth := false, false
	for {
		if len(data) < 2 {
			return nil, ""
		}
		tag := binary.BigEndian.Uint16(data)
		switch {
		case tag == 0:
			if origin || len(data) < 8 {
				return nil, ""
			}
			origin, data = true, data[8:]
			continue
		case tag == 1:
			if origin || auth || len(data) < 4 {
				return nil, ""
			}
			n := 4 + int(data[2]) + int(data[3]) + 8 + 1
			if len(data) < n {
				return nil, ""
			}
			auth, data = true, data[n:]
			continue
		case tag>>12 == 6:
		default:
			return nil, ""
		}
		break
	}
	if len(data) < 40 {
		return nil, ""
	}
	plen := int(binary.BigEndian.Uint16(data[4:6]))
	switch total := 40 + plen; {
	case total == len(data):
		return data, ""
	case total < len(data) && data[6] == 59 && plen == 0:
		return data[:40], "Teredo_bubble_with_payload"
	}
	return nil, ""
}
