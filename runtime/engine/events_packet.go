package engine

import (
	"encoding/binary"

	"github.com/gopacket/gopacket/layers"

	"github.com/gobro/gobro/lang/types"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// transportEvents raises a connection packet's events after new_connection
// and tunnel_changed, in Zeek's order: new_packet, then the transport's
// own (packet_contents first). For TCP it stops where the payload goes to
// the protocol analysers; closingEvents raises the rest.
func (e *Engine) transportEvents(c *flow.Conn, pkt *gnet.Packet, rec *value.Record) {
	st := e.pkt
	st.rec = rec
	if !st.ev.perPacket {
		return
	}
	h := &st.ev
	if h.newPacket != nil {
		e.raiseFn(h.newPacket, e.connVal(c, &st.rec), e.pktHdr(pkt))
	}
	if c.Skipped() {
		return // Zeek stops here for skip_further_processing
	}
	if h.packetContents != nil {
		e.packetContents(c, pkt)
	}
	switch c.ID.Proto {
	case flow.ProtoTCP:
		notes := st.tracker.Notes()
		e.tcpNotes(c, pkt, notes[st.noteStart:max(st.noteStart, st.tracker.DataNotes())])
	case flow.ProtoUDP:
		e.udpEvents(c, pkt)
	default:
		e.icmpEvents(c, pkt)
	}
}

// closingEvents raises what follows a TCP packet's payload delivery:
// connection_EOF and connection_finished / half_finished.
func (e *Engine) closingEvents(c *flow.Conn, pkt *gnet.Packet) {
	st := e.pkt
	if c.ID.Proto != flow.ProtoTCP || !st.ev.perPacket || c.Skipped() {
		return
	}
	notes := st.tracker.Notes()
	e.tcpNotes(c, pkt, notes[max(st.noteStart, st.tracker.DataNotes()):])
}

// transportPayload is a packet's IP payload as captured, without the
// Ethernet padding: what Zeek's transport analysers start from.
func transportPayload(pkt *gnet.Packet) []byte {
	if pkt.IPHdrLen > len(pkt.IP) {
		return nil
	}
	return pkt.IP[pkt.IPHdrLen:]
}

// packetContents raises packet_contents with the packet's transport
// payload (before any checksum test, as Zeek does).
func (e *Engine) packetContents(c *flow.Conn, pkt *gnet.Packet) {
	seg := transportPayload(pkt)
	hdr := 8 // UDP and ICMP headers
	if c.ID.Proto == flow.ProtoTCP {
		hdr = pkt.TCPHdrLen
	}
	if len(seg) < hdr {
		return
	}
	e.raiseFn(e.pkt.ev.packetContents, e.connVal(c, &e.pkt.rec), value.String(string(seg[hdr:])))
}

// pktHdr builds a packet's pkt_hdr (new_packet): its IP header and its
// transport header.
func (e *Engine) pktHdr(pkt *gnet.Packet) value.Value {
	rt, _ := e.typeOf("pkt_hdr").(*types.RecordType)
	if rt == nil {
		return value.None
	}
	r := newRecord(rt)
	e.fillHeaders(r, pkt)
	return value.Value{P: r}
}

// fillHeaders sets the ip/ip6 and tcp/udp/icmp fields of a pkt_hdr or
// raw_pkt_hdr from a decoded IP packet.
func (e *Engine) fillHeaders(r *value.Record, pkt *gnet.Packet) {
	switch pkt.IPVersion {
	case 4:
		setField(r, "ip", e.ip4Hdr(fieldRecord(r.Type, "ip"), pkt))
	case 6:
		setField(r, "ip6", e.ip6Hdr(fieldRecord(r.Type, "ip6"), pkt))
	default:
		return
	}
	// As Zeek, read what follows the IP header as the transport header
	// (even in a fragment) when there is enough of it.
	seg := transportPayload(pkt)
	l4len := pkt.IPLen - pkt.IPHdrLen
	switch pkt.Proto {
	case gnet.ProtoTCP:
		if len(seg) >= 20 && l4len >= 20 {
			setField(r, "tcp", tcpHdr(fieldRecord(r.Type, "tcp"), seg, l4len))
		}
	case gnet.ProtoUDP:
		if len(seg) >= 8 && l4len >= 8 {
			u := newRecord(fieldRecord(r.Type, "udp"))
			setField(u, "sport", value.Port(uint32(binary.BigEndian.Uint16(seg)), value.ProtoUDP))
			setField(u, "dport", value.Port(uint32(binary.BigEndian.Uint16(seg[2:])), value.ProtoUDP))
			setField(u, "ulen", value.Count(uint64(binary.BigEndian.Uint16(seg[4:]))))
			setField(r, "udp", value.Value{P: u})
		}
	case gnet.ProtoICMP, gnet.ProtoICMPv6:
		if len(seg) >= 8 && l4len >= 8 {
			i := newRecord(fieldRecord(r.Type, "icmp"))
			setField(i, "icmp_type", value.Count(uint64(seg[0])))
			setField(r, "icmp", value.Value{P: i})
		}
	}
}

// ip4Hdr is an ip4_hdr record.
func (e *Engine) ip4Hdr(rt *types.RecordType, pkt *gnet.Packet) value.Value {
	r := newRecord(rt)
	ip := pkt.IP
	setField(r, "hl", value.Count(uint64(pkt.IPHdrLen)))
	setField(r, "tos", value.Count(uint64(ip[1])))
	setField(r, "len", value.Count(uint64(pkt.IPLen)))
	setField(r, "id", value.Count(uint64(pkt.IPID)))
	setField(r, "DF", value.Bool(pkt.DF))
	setField(r, "MF", value.Bool(pkt.MoreFrags))
	setField(r, "offset", value.Count(uint64(pkt.FragOffset)))
	setField(r, "ttl", value.Count(uint64(pkt.TTL)))
	setField(r, "p", value.Count(uint64(ip[9])))
	setField(r, "sum", value.Count(uint64(binary.BigEndian.Uint16(ip[10:]))))
	setField(r, "src", value.Addr(pkt.Src))
	setField(r, "dst", value.Addr(pkt.Dst))
	return value.Value{P: r}
}

// ip6Hdr is an ip6_hdr record; exts lists the extension headers by
// protocol number.
func (e *Engine) ip6Hdr(rt *types.RecordType, pkt *gnet.Packet) value.Value {
	r := newRecord(rt)
	ip := pkt.IP
	first := binary.BigEndian.Uint32(ip)
	setField(r, "class", value.Count(uint64(first>>20&0xff)))
	setField(r, "flow", value.Count(uint64(first&0xfffff)))
	setField(r, "len", value.Count(uint64(binary.BigEndian.Uint16(ip[4:]))))
	setField(r, "nxt", value.Count(uint64(ip[6])))
	setField(r, "hlim", value.Count(uint64(ip[7])))
	setField(r, "src", value.Addr(pkt.Src))
	setField(r, "dst", value.Addr(pkt.Dst))
	if f := rt.Field("exts"); f != nil {
		if vt, ok := f.Type.(*types.VectorType); ok {
			r.SetField(f.Offset, ip6Exts(vt, ip[:pkt.IPHdrLen]))
		}
	}
	return value.Value{P: r}
}

// ip6Exts is the ip6_ext_hdr_chain of an IPv6 header (hdr: the fixed
// header and its extension headers).
func ip6Exts(vt *types.VectorType, hdr []byte) value.Value {
	v := &value.Vector{Type: vt}
	et, _ := vt.Elem.(*types.RecordType)
	next, off := hdr[6], 40
	for et != nil && off+2 <= len(hdr) {
		x := newRecord(et)
		setField(x, "id", value.Count(uint64(next)))
		v.Elems = append(v.Elems, value.Value{P: x})
		n := (int(hdr[off+1]) + 1) * 8
		if next == 44 { // fragment header
			n = 8
		}
		next, off = hdr[off], off+n
	}
	return value.Value{P: v}
}

// tcpHdr is a tcp_hdr record from a TCP segment (l4len: its length by
// the IP header).
func tcpHdr(rt *types.RecordType, seg []byte, l4len int) value.Value {
	r := newRecord(rt)
	hl := int(seg[12]>>4) * 4
	setField(r, "sport", value.Port(uint32(binary.BigEndian.Uint16(seg)), value.ProtoTCP))
	setField(r, "dport", value.Port(uint32(binary.BigEndian.Uint16(seg[2:])), value.ProtoTCP))
	setField(r, "seq", value.Count(uint64(binary.BigEndian.Uint32(seg[4:]))))
	setField(r, "ack", value.Count(uint64(binary.BigEndian.Uint32(seg[8:]))))
	setField(r, "hl", value.Count(uint64(hl)))
	setField(r, "dl", value.Count(uint64(max(l4len-hl, 0))))
	setField(r, "reserved", value.Count(uint64(seg[12]&0x0f)))
	setField(r, "flags", value.Count(uint64(seg[13])))
	setField(r, "win", value.Count(uint64(binary.BigEndian.Uint16(seg[14:]))))
	return value.Value{P: r}
}

// rawPacket raises raw_packet for the frame just processed, after all of
// its events (as Zeek does), with its link-layer header and outer IP and
// transport headers.
func (e *Engine) rawPacket(raw *gnet.RawPacket) {
	st := e.pkt
	fn, frame := st.ev.rawPacket, st.frame
	st.frame = nil
	if fn == nil || frame == nil {
		return
	}
	rt, _ := e.typeOf("raw_pkt_hdr").(*types.RecordType)
	if rt == nil {
		return
	}
	r := newRecord(rt)
	setField(r, "l2", e.l2Hdr(fieldRecord(rt, "l2"), raw, frame))
	e.fillHeaders(r, frame)
	e.raiseFn(fn, value.Value{P: r})
}

// l2Hdr is a frame's l2_hdr.
func (e *Engine) l2Hdr(rt *types.RecordType, raw *gnet.RawPacket, frame *gnet.Packet) value.Value {
	r := newRecord(rt)
	l3 := "L3_UNKNOWN"
	switch frame.IPVersion {
	case 4:
		l3 = "L3_IPV4"
	case 6:
		l3 = "L3_IPV6"
	}
	setField(r, "encap", e.enumValue("LINK_UNKNOWN"))
	if raw.LinkType == layers.LinkTypeEthernet && len(raw.Data) >= 14 {
		setField(r, "encap", e.enumValue("LINK_ETHERNET"))
		setField(r, "src", value.String(e.macName([6]byte(raw.Data[6:12]))))
		setField(r, "dst", value.String(e.macName([6]byte(raw.Data[0:6]))))
		et, tags := etherType(raw.Data)
		for i, prefix := range []string{"", "inner_"}[:len(tags)] {
			if tci := tags[i]; tci&0xfff != 0 {
				setField(r, prefix+"vlan", value.Count(uint64(tci&0xfff)))
				setField(r, prefix+"vlan_pcp", value.Count(uint64(tci>>13)))
				setField(r, prefix+"vlan_dei", value.Bool(tci&0x1000 != 0))
			}
		}
		setField(r, "eth_type", value.Count(uint64(et)))
		if et == 0x0806 || et == 0x8035 {
			l3 = "L3_ARP"
		}
	}
	setField(r, "len", value.Count(uint64(raw.WireLen)))
	setField(r, "cap_len", value.Count(uint64(raw.CapLen)))
	setField(r, "proto", e.enumValue(l3))
	return value.Value{P: r}
}

// etherType is an Ethernet frame's type after its VLAN tags, with the
// tag control words of the first two tags.
func etherType(frame []byte) (uint16, []uint16) {
	var tags []uint16
	off := 12
	et := binary.BigEndian.Uint16(frame[off:])
	for (et == 0x8100 || et == 0x88a8 || et == 0x9100) && off+6 <= len(frame) {
		if len(tags) < 2 {
			tags = append(tags, binary.BigEndian.Uint16(frame[off+2:]))
		}
		off += 4
		et = binary.BigEndian.Uint16(frame[off:])
	}
	return et, tags
}
