package engine

import (
	"encoding/binary"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// udpEvents raises a UDP packet's events after packet_contents: the
// checksum-error threshold for a bad checksum, else udp_contents (when
// the ports or options ask for it) and udp_request or udp_reply.
func (e *Engine) udpEvents(c *flow.Conn, pkt *gnet.Packet) {
	st := e.pkt
	h := &st.ev
	for _, n := range st.tracker.Notes()[st.noteStart:] {
		if n.Kind == flow.NoteChecksums {
			e.raiseFn(h.udpChecksums, e.connVal(c, &st.rec), value.Bool(n.IsOrig), value.Count(n.A))
		}
	}
	isOrig, ok := st.tracker.Delivered()
	if !ok {
		return
	}
	if h.udpContents != nil && e.wantUDPContents(c, pkt, isOrig) {
		seg := transportPayload(pkt)
		if len(seg) >= 8 {
			e.raiseFn(h.udpContents, e.connVal(c, &st.rec), value.Bool(isOrig), value.String(string(seg[8:])))
		}
	}
	if isOrig {
		e.raiseFn(h.udpRequest, e.connVal(c, &st.rec))
	} else {
		e.raiseFn(h.udpReply, e.connVal(c, &st.rec))
	}
}

// wantUDPContents tells whether udp_contents is raised for a datagram:
// either port in udp_content_ports, or its direction's delivery setting
// (all, or by the destination port, or by the responder port with
// udp_content_delivery_ports_use_resp).
func (e *Engine) wantUDPContents(c *flow.Conn, pkt *gnet.Packet, isOrig bool) bool {
	seg := transportPayload(pkt)
	if len(seg) < 4 {
		return false
	}
	sport := value.Port(uint32(binary.BigEndian.Uint16(seg)), value.ProtoUDP)
	dport := value.Port(uint32(binary.BigEndian.Uint16(seg[2:])), value.ProtoUDP)
	if t := e.globalTable("udp_content_ports"); t != nil && (t.Has1(dport) || t.Has1(sport)) {
		return true
	}
	if v, ok := e.global("udp_content_delivery_ports_use_resp"); ok && v.Bool() {
		dport = value.Port(uint32(c.ID.RespP), value.ProtoUDP)
	}
	all, ports := "udp_content_deliver_all_resp", "udp_content_delivery_ports_resp"
	if isOrig {
		all, ports = "udp_content_deliver_all_orig", "udp_content_delivery_ports_orig"
	}
	if v, ok := e.global(all); ok && v.Bool() {
		return true
	}
	if t := e.globalTable(ports); t != nil {
		v, ok := t.Get1(dport)
		return ok && v.Bool()
	}
	return false
}

// globalTable is a global table or set (nil if absent).
func (e *Engine) globalTable(name string) *value.Table {
	v, ok := e.global(name)
	if !ok {
		return nil
	}
	t, _ := v.P.(*value.Table)
	return t
}
