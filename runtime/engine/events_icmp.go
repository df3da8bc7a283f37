package engine

import (
	"encoding/binary"
	"net/netip"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// The ICMP and ICMPv6 events of Zeek's ICMP analyzer: echo, the error
// messages with the quoted packet as an icmp_context, neighbor discovery
// with its options, MLD reports, and icmp_sent for the rest.

// icmpHandlers are the ICMP events' handlers (nil when unhandled).
type icmpHandlers struct {
	sent, sentPayload, echoRequest, echoReply                   *compile.Function
	unreachable, timeExceeded, paramProblem, tooBig, errMessage *compile.Function
	routerSol, routerAdv, neighborSol, neighborAdv, redirect    *compile.Function
	mldReport, mldDone, mldReportV2                             *compile.Function
	any                                                         bool
}

func (e *Engine) icmpConfig(h *icmpHandlers) {
	fns := []struct {
		fn   **compile.Function
		name string
	}{
		{&h.sent, "icmp_sent"}, {&h.sentPayload, "icmp_sent_payload"},
		{&h.echoRequest, "icmp_echo_request"}, {&h.echoReply, "icmp_echo_reply"},
		{&h.unreachable, "icmp_unreachable"}, {&h.timeExceeded, "icmp_time_exceeded"},
		{&h.paramProblem, "icmp_parameter_problem"}, {&h.tooBig, "icmp_packet_too_big"},
		{&h.errMessage, "icmp_error_message"}, {&h.routerSol, "icmp_router_solicitation"},
		{&h.routerAdv, "icmp_router_advertisement"}, {&h.neighborSol, "icmp_neighbor_solicitation"},
		{&h.neighborAdv, "icmp_neighbor_advertisement"}, {&h.redirect, "icmp_redirect"},
		{&h.mldReport, "icmpv6_mld_report_v1"}, {&h.mldDone, "icmpv6_mld_done_v1"},
		{&h.mldReportV2, "icmpv6_mld_report_v2"},
	}
	for _, x := range fns {
		*x.fn = e.handlerFn(x.name)
		h.any = h.any || *x.fn != nil
	}
	// Neighbor discovery and MLD messages raise weirds whether or not
	// their events are handled.
	h.any = h.any || e.handlerFn("conn_weird") != nil
}

// icmpMsg is one ICMP message being analysed: its header, the data after
// the first 8 bytes (as captured) and the length the IP header gives it.
type icmpMsg struct {
	c    *flow.Conn
	pkt  *gnet.Packet
	hdr  []byte
	data []byte
	len  int // data length by the IP header
	v6   bool
}

// icmpEvents raises the events of an ICMP packet whose checksum passed.
func (e *Engine) icmpEvents(c *flow.Conn, pkt *gnet.Packet) {
	if _, ok := e.pkt.tracker.Delivered(); !ok {
		return
	}
	seg := transportPayload(pkt)
	if len(seg) < 8 {
		return
	}
	m := icmpMsg{c: c, pkt: pkt, hdr: seg[:8], data: seg[8:], len: pkt.IPLen - pkt.IPHdrLen - 8, v6: pkt.Proto == gnet.ProtoICMPv6}
	if m.v6 {
		e.icmp6(&m)
	} else {
		e.icmp4(&m)
	}
}

func (e *Engine) icmp4(m *icmpMsg) {
	h := &e.pkt.ev.icmp
	switch m.hdr[0] {
	case 8:
		e.icmpEcho(m, h.echoRequest)
	case 0:
		e.icmpEcho(m, h.echoReply)
	case 3:
		e.icmpContext(m, h.unreachable)
	case 11:
		e.icmpContext(m, h.timeExceeded)
	default:
		e.icmpSent(m)
	}
}

func (e *Engine) icmp6(m *icmpMsg) {
	h := &e.pkt.ev.icmp
	switch t := m.hdr[0]; t {
	case 128:
		e.icmpEcho(m, h.echoRequest)
	case 129:
		e.icmpEcho(m, h.echoReply)
	case 1:
		e.icmpContext(m, h.unreachable)
	case 2:
		e.icmpContext(m, h.tooBig)
	case 3:
		e.icmpContext(m, h.timeExceeded)
	case 4:
		e.icmpContext(m, h.paramProblem)
	case 133:
		e.ndEvent(m, h.routerSol, 0)
	case 134:
		e.routerAdvert(m)
	case 135:
		e.ndEvent(m, h.neighborSol, 16, e.ndAddr(m.data, 0))
	case 136:
		flags := m.hdr[4]
		e.ndEvent(m, h.neighborAdv, 16, value.Bool(flags&0x80 != 0), value.Bool(flags&0x40 != 0),
			value.Bool(flags&0x20 != 0), e.ndAddr(m.data, 0))
	case 137:
		e.ndEvent(m, h.redirect, 32, e.ndAddr(m.data, 0), e.ndAddr(m.data, 16))
	case 131, 132:
		e.mldV1(m)
	case 143:
		e.mldV2(m)
	default:
		// Other error messages (types below 128) carry a quoted packet;
		// the rest, router renumbering included, are just sent.
		if t < 128 {
			e.icmpContext(m, h.errMessage)
		} else {
			e.icmpSent(m)
		}
	}
}

// conn is the message's connection record as an event argument.
func (e *Engine) icmpConn(m *icmpMsg) value.Value { return e.connVal(m.c, &e.pkt.rec) }

// info is the message's icmp_info.
func (e *Engine) icmpInfo(m *icmpMsg) value.Value {
	rt, _ := e.typeOf("icmp_info").(*types.RecordType)
	if rt == nil {
		return value.None
	}
	r := newRecord(rt)
	setField(r, "v6", value.Bool(m.v6))
	setField(r, "itype", value.Count(uint64(m.hdr[0])))
	setField(r, "icode", value.Count(uint64(m.hdr[1])))
	setField(r, "len", value.Count(uint64(max(m.len, 0))))
	setField(r, "ttl", value.Count(uint64(m.pkt.TTL)))
	return value.Value{P: r}
}

// icmpSent raises icmp_sent and icmp_sent_payload.
func (e *Engine) icmpSent(m *icmpMsg) {
	h := &e.pkt.ev.icmp
	if h.sent != nil {
		e.raiseFn(h.sent, e.icmpConn(m), e.icmpInfo(m))
	}
	if h.sentPayload != nil {
		e.raiseFn(h.sentPayload, e.icmpConn(m), e.icmpInfo(m), value.String(string(m.data)))
	}
}

// icmpEcho raises an echo request or reply with its id, sequence number
// and payload.
func (e *Engine) icmpEcho(m *icmpMsg, fn *compile.Function) {
	if fn == nil {
		return
	}
	id, seq := binary.BigEndian.Uint16(m.hdr[4:]), binary.BigEndian.Uint16(m.hdr[6:])
	e.raiseFn(fn, e.icmpConn(m), e.icmpInfo(m), value.Count(uint64(id)), value.Count(uint64(seq)), value.String(string(m.data)))
}

// icmpContext raises an error message event with its code and the
// icmp_context of the packet it quotes.
func (e *Engine) icmpContext(m *icmpMsg, fn *compile.Function) {
	if fn == nil {
		return
	}
	ctx := e.icmp4Context(m.data)
	if m.v6 {
		ctx = e.icmp6Context(m.data)
	}
	e.raiseFn(fn, e.icmpConn(m), e.icmpInfo(m), value.Count(uint64(m.hdr[1])), ctx)
}

// quoted is what Zeek reads of a packet quoted in an ICMP error.
type quoted struct {
	src, dst       netip.Addr
	len, frag      uint64
	proto          int // transport_proto's value: 0 unknown, 1 tcp, 2 udp, 3 icmp
	sport, dport   uint32
	badHdr, badSum bool
	mf, df         bool
	idProto        uint64 // conn_id$proto: Zeek always puts ICMP's own
}

// icmp4Context reads an IPv4 packet quoted in an ICMP error. Without a
// whole IP header nothing but bad_hdr_len is set; without the 4 bytes of
// ports after it, the ports stay 0 and bad_hdr_len is set too.
func (e *Engine) icmp4Context(b []byte) value.Value {
	q := quoted{idProto: uint64(gnet.ProtoICMP), badHdr: true}
	if len(b) >= 20 {
		hl := int(b[0]&0x0f) * 4
		q.badHdr = hl > len(b)
		q.badSum = !q.badHdr && !ipChecksumOK(b[:hl])
		q.src, q.dst = netip.AddrFrom4([4]byte(b[12:16])), netip.AddrFrom4([4]byte(b[16:20]))
		q.len = uint64(binary.BigEndian.Uint16(b[2:]))
		off := binary.BigEndian.Uint16(b[6:])
		q.df, q.mf, q.frag = off&0x4000 != 0, off&0x2000 != 0, uint64(off&0x1fff)*8
		if len(b) >= hl+4 {
			q.contextPorts(b[9], b[hl:], false)
		} else {
			q.badHdr = true
		}
	}
	return e.contextValue(&q)
}

// icmp6Context reads an IPv6 packet quoted in an ICMPv6 error (or a
// Redirected Header option). IPv6 has no header checksum and no DF.
func (e *Engine) icmp6Context(b []byte) value.Value {
	q := quoted{idProto: uint64(gnet.ProtoICMPv6), badHdr: true}
	if len(b) >= 40 {
		q.badHdr = false
		q.src, q.dst = netip.AddrFrom16([16]byte(b[8:24])), netip.AddrFrom16([16]byte(b[24:40]))
		q.len = uint64(binary.BigEndian.Uint16(b[4:])) + 40
		next, hl := ip6Chain(b, &q)
		if len(b) >= hl+4 {
			q.contextPorts(next, b[hl:], true)
		} else {
			q.badHdr = true
		}
	}
	return e.contextValue(&q)
}

// ip6Chain walks the extension headers of a quoted IPv6 packet as far as
// they were captured; it returns the transport protocol and the length
// of the headers, and notes a fragment header's offset and MF flag.
func ip6Chain(b []byte, q *quoted) (next uint8, hl int) {
	next, hl = b[6], 40
	for {
		switch next {
		case 0, 43, 60, 135: // hop-by-hop, routing, destination, mobility
			if hl+2 > len(b) || hl+(int(b[hl+1])+1)*8 > len(b) {
				return next, hl
			}
			next, hl = b[hl], hl+(int(b[hl+1])+1)*8
		case 51: // authentication header
			if hl+2 > len(b) || hl+(int(b[hl+1])+2)*4 > len(b) {
				return next, hl
			}
			next, hl = b[hl], hl+(int(b[hl+1])+2)*4
		case 44: // fragment: the last header Zeek reads
			if hl+8 > len(b) {
				return next, hl
			}
			off := binary.BigEndian.Uint16(b[hl+2:])
			q.frag, q.mf = uint64(off&0xfff8), off&1 != 0
			return b[hl], hl + 8
		default:
			return next, hl
		}
	}
}

// contextPorts sets the quoted packet's transport and ports. For a quoted
// ICMP message Zeek puts the type and its counterpart in the ports with
// their bytes swapped (it converts them from network order as if they
// were 16-bit), which is kept here.
func (q *quoted) contextPorts(proto uint8, l4 []byte, v6 bool) {
	switch proto {
	case gnet.ProtoTCP, gnet.ProtoUDP:
		q.proto = 1
		if proto == gnet.ProtoUDP {
			q.proto = 2
		}
		q.sport, q.dport = uint32(binary.BigEndian.Uint16(l4)), uint32(binary.BigEndian.Uint16(l4[2:]))
	case gnet.ProtoICMP, gnet.ProtoICMPv6:
		q.proto = 3
		other, _ := flow.ICMPCounterpart(v6, l4[0], l4[1])
		q.sport, q.dport = uint32(l4[0])<<8, uint32(other&0xff)<<8|uint32(other>>8)
	}
}

// contextValue is an icmp_context record.
func (e *Engine) contextValue(q *quoted) value.Value {
	rt, _ := e.typeOf("icmp_context").(*types.RecordType)
	if rt == nil {
		return value.None
	}
	pp := []int{value.ProtoUnknown, value.ProtoTCP, value.ProtoUDP, value.ProtoICMP}[q.proto]
	id := newRecord(fieldRecord(rt, "id"))
	src, dst := q.src, q.dst
	if !src.IsValid() {
		src, dst = netip.IPv6Unspecified(), netip.IPv6Unspecified()
	}
	setField(id, "orig_h", value.Addr(src))
	setField(id, "orig_p", value.Port(q.sport, pp))
	setField(id, "resp_h", value.Addr(dst))
	setField(id, "resp_p", value.Port(q.dport, pp))
	setField(id, "proto", value.Count(q.idProto))
	r := newRecord(rt)
	setField(r, "id", value.Value{P: id})
	setField(r, "len", value.Count(q.len))
	setField(r, "proto", value.Count(uint64(q.proto)))
	setField(r, "frag_offset", value.Count(q.frag))
	setField(r, "bad_hdr_len", value.Bool(q.badHdr))
	setField(r, "bad_checksum", value.Bool(q.badSum))
	setField(r, "MF", value.Bool(q.mf))
	setField(r, "DF", value.Bool(q.df))
	return value.Value{P: r}
}

// ipChecksumOK verifies an IPv4 header's checksum.
func ipChecksumOK(h []byte) bool {
	var sum uint32
	for i := 0; i+1 < len(h); i += 2 {
		sum += uint32(h[i])<<8 | uint32(h[i+1])
	}
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return sum == 0xffff
}

// ndAddr is the IPv6 address at off in a neighbor discovery message's
// data, "::" when it was not captured.
func (e *Engine) ndAddr(data []byte, off int) value.Value {
	if len(data) < off+16 {
		return value.Addr(netip.IPv6Unspecified())
	}
	return value.Addr(netip.AddrFrom16([16]byte(data[off : off+16])))
}

// ndEvent raises a neighbor discovery event: the connection, icmp_info,
// the message's own arguments and its options, which start optOff bytes
// into the data.
func (e *Engine) ndEvent(m *icmpMsg, fn *compile.Function, optOff int, args ...value.Value) {
	if fn == nil {
		return
	}
	all := append([]value.Value{e.icmpConn(m), e.icmpInfo(m)}, args...)
	e.raiseFn(fn, append(all, e.ndOptions(m, optOff))...)
}

// routerAdvert raises icmp_router_advertisement: hop limit, flags, router
// lifetime (seconds), reachable time and retransmission timer (ms).
func (e *Engine) routerAdvert(m *icmpMsg) {
	fn := e.pkt.ev.icmp.routerAdv
	if fn == nil {
		return
	}
	var reachable, retrans uint32
	if len(m.data) >= 4 {
		reachable = binary.BigEndian.Uint32(m.data)
	}
	if len(m.data) >= 8 {
		retrans = binary.BigEndian.Uint32(m.data[4:])
	}
	f := m.hdr[5]
	e.ndEvent(m, fn, 8,
		value.Count(uint64(m.hdr[4])),
		value.Bool(f&0x80 != 0), value.Bool(f&0x40 != 0), value.Bool(f&0x20 != 0),
		value.Count(uint64(f&0x18>>3)), value.Bool(f&0x04 != 0),
		value.Count(uint64(f&0x02)), // Zeek gives the bit's value, not 0/1
		value.Interval(float64(binary.BigEndian.Uint16(m.hdr[6:]))),
		value.Interval(float64(reachable)/1000), value.Interval(float64(retrans)/1000))
}

// ndOptions is a neighbor discovery message's icmp6_nd_options: each
// option's type and length (in 8-byte units) and, when fully captured,
// its link-layer address, prefix information, redirected packet or MTU;
// other options (and short ones) keep their bytes as payload.
func (e *Engine) ndOptions(m *icmpMsg, off int) value.Value {
	vt, _ := e.typeOf("icmp6_nd_options").(*types.VectorType)
	if vt == nil {
		return value.None
	}
	rt, _ := vt.Elem.(*types.RecordType)
	v := &value.Vector{Type: vt}
	var data []byte
	if off <= len(m.data) {
		data = m.data[off:]
	}
	for len(data) > 0 {
		if len(data) < 2 {
			e.connWeird("truncated_ICMPv6_ND_options", e.connRecord(m.c), "", "ICMP")
			break
		}
		if data[1] == 0 {
			e.connWeird("zero_length_ICMPv6_ND_option", e.connRecord(m.c), "", "ICMP")
			break
		}
		r := newRecord(rt)
		setField(r, "otype", value.Count(uint64(data[0])))
		setField(r, "len", value.Count(uint64(data[1])))
		n := int(data[1])*8 - 2
		body := data[2:]
		if !e.ndOption(r, data[0], body, n) {
			setField(r, "payload", value.String(string(body[:min(n, len(body))])))
		}
		v.Elems = append(v.Elems, value.Value{P: r})
		data = body[min(n, len(body)):]
	}
	return value.Value{P: v}
}

// ndOption decodes the options Zeek knows; false leaves the payload.
func (e *Engine) ndOption(r *value.Record, typ byte, body []byte, n int) bool {
	switch typ {
	case 1, 2: // source / target link-layer address
		if len(body) < n {
			return false
		}
		setField(r, "link_address", value.String(string(body[:n])))
	case 3: // prefix information
		if len(body) < 30 {
			return false
		}
		pi := newRecord(fieldRecord(r.Type, "prefix"))
		setField(pi, "prefix_len", value.Count(uint64(body[0])))
		setField(pi, "L_flag", value.Bool(body[1]&0x80 != 0))
		setField(pi, "A_flag", value.Bool(body[1]&0x40 != 0))
		setField(pi, "valid_lifetime", value.Interval(float64(binary.BigEndian.Uint32(body[2:]))))
		setField(pi, "preferred_lifetime", value.Interval(float64(binary.BigEndian.Uint32(body[6:]))))
		setField(pi, "prefix", value.Addr(netip.AddrFrom16([16]byte(body[14:30]))))
		setField(r, "prefix", value.Value{P: pi})
	case 4: // redirected header: 6 reserved bytes, then the packet
		if len(body) < n {
			return false
		}
		setField(r, "redirect", e.icmp6Context(body[min(6, n):n]))
	case 5: // MTU
		if len(body) < 6 {
			return false
		}
		setField(r, "mtu", value.Count(uint64(binary.BigEndian.Uint32(body[2:]))))
	default:
		return false
	}
	return true
}

// mldV1 raises an MLDv1 report or done with its multicast address.
func (e *Engine) mldV1(m *icmpMsg) {
	if len(m.data) < 16 {
		e.connWeird("truncated_ICMPv6_MLDv1", e.connRecord(m.c), "", "ICMP")
		return
	}
	fn := e.pkt.ev.icmp.mldReport
	if m.hdr[0] == 132 {
		fn = e.pkt.ev.icmp.mldDone
	}
	e.raiseFn(fn, e.icmpConn(m), e.ndAddr(m.data, 0))
}

// mldV2 raises an MLDv2 report with its multicast address records.
func (e *Engine) mldV2(m *icmpMsg) {
	n := int(binary.BigEndian.Uint16(m.hdr[6:]))
	if len(m.data) < n*20 {
		e.connWeird("truncated_ICMPv6_MLDv2", e.connRecord(m.c), "", "ICMP")
		return
	}
	vt, _ := e.typeOf("icmp6_mldv2_mar_vec").(*types.VectorType)
	if vt == nil {
		return
	}
	rt, _ := vt.Elem.(*types.RecordType)
	v := &value.Vector{Type: vt}
	data := m.data
	for i := 0; i < n && len(data) > 0; i++ {
		if len(data) < 4 {
			e.connWeird("truncated_ICMPv6_MLDv2_record", e.connRecord(m.c), "", "ICMP")
			break
		}
		aux, nsrc := int(data[1])*4, int(binary.BigEndian.Uint16(data[2:]))
		kind := data[0]
		data = data[4:]
		if len(data) < 16+nsrc*16+aux {
			e.connWeird("truncated_ICMPv6_MLDv2_record", e.connRecord(m.c), "", "ICMP")
			break
		}
		v.Elems = append(v.Elems, e.mldRecord(rt, kind, aux, nsrc, data))
		data = data[16+nsrc*16+aux:]
	}
	e.raiseFn(e.pkt.ev.icmp.mldReportV2, e.icmpConn(m), value.Value{P: v})
}

// mldRecord is one icmp6_mldv2_mar: b holds the multicast address, the
// sources and the auxiliary data.
func (e *Engine) mldRecord(rt *types.RecordType, kind byte, aux, nsrc int, b []byte) value.Value {
	r := newRecord(rt)
	setField(r, "group_type", value.Enum(int64(kind)))
	setField(r, "aux_data_len", value.Count(uint64(aux)))
	setField(r, "num_sources", value.Count(uint64(nsrc)))
	setField(r, "multicast_addr", value.Addr(netip.AddrFrom16([16]byte(b[:16]))))
	if f := rt.Field("sources"); f != nil {
		vt, _ := f.Type.(*types.VectorType)
		srcs := &value.Vector{Type: vt}
		for i := 0; i < nsrc; i++ {
			srcs.Elems = append(srcs.Elems, value.Addr(netip.AddrFrom16([16]byte(b[16+i*16:32+i*16]))))
		}
		r.SetField(f.Offset, value.Value{P: srcs})
	}
	if aux > 0 {
		setField(r, "aux_data", value.String(string(b[16+nsrc*16:16+nsrc*16+aux])))
	}
	return value.Value{P: r}
}
