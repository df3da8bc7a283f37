package engine

import (
	"encoding/binary"
	"strconv"

	"github.com/gobro/gobro/lang/types"
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/value"
)

// tcpNotes raises the TCP events the tracker noted for a packet, in
// order; the marker notes become connection_SYN_packet and tcp_packet
// (with tcp_option / tcp_options), built from the packet.
func (e *Engine) tcpNotes(c *flow.Conn, pkt *gnet.Packet, notes []flow.Note) {
	h := &e.pkt.ev
	rec := &e.pkt.rec
	for _, n := range notes {
		fn := h.notes[n.Kind]
		switch n.Kind {
		case flow.NoteSYN:
			e.raiseFn(fn, e.connVal(c, rec), e.synPacket(pkt, n.IsOrig))
		case flow.NotePacket:
			e.tcpPacket(c, pkt, n)
		case flow.NoteGap:
			e.raiseFn(fn, e.connVal(c, rec), value.Bool(n.IsOrig), value.Count(n.A), value.Count(n.B))
		case flow.NoteEOF:
			e.raiseFn(fn, e.connVal(c, rec), value.Bool(n.IsOrig))
		case flow.NoteChecksums, flow.NoteZeroWindows, flow.NoteRetransmissions, flow.NoteGaps:
			e.raiseFn(fn, e.connVal(c, rec), value.Bool(n.IsOrig), value.Count(n.A))
		default:
			e.raiseFn(fn, e.connVal(c, rec))
		}
	}
}

// synPacket is a SYN's SYN_packet: IP header facts and the TCP options
// Zeek reads (window scale -1 and MSS 0 when absent).
func (e *Engine) synPacket(pkt *gnet.Packet, isOrig bool) value.Value {
	rt, _ := e.typeOf("SYN_packet").(*types.RecordType)
	if rt == nil {
		return value.None
	}
	r := newRecord(rt)
	setField(r, "is_orig", value.Bool(isOrig))
	setField(r, "DF", value.Bool(pkt.DF))
	setField(r, "ttl", value.Count(uint64(pkt.TTL)))
	setField(r, "size", value.Count(uint64(pkt.IPLen)))
	setField(r, "win_size", value.Count(uint64(pkt.Window)))
	scale, mss, sack := int64(-1), uint64(0), false
	opts := pkt.TCPOptions
	for i := 0; i < len(opts); {
		kind := opts[i]
		if kind == 0 {
			break
		}
		if kind == 1 {
			i++
			continue
		}
		if i+1 >= len(opts) {
			break
		}
		l := int(opts[i+1])
		if l == 0 || i+l > len(opts) {
			break
		}
		o := opts[i : i+l]
		switch {
		case kind == 4:
			sack = true
		case kind == 2 && l >= 4:
			mss = uint64(binary.BigEndian.Uint16(o[2:]))
		case kind == 3 && l >= 3:
			scale = int64(o[2])
		case kind == 8 && l >= 10:
			setField(r, "TSval", value.Count(uint64(binary.BigEndian.Uint32(o[2:]))))
			setField(r, "TSecr", value.Count(uint64(binary.BigEndian.Uint32(o[6:]))))
		}
		i += l
	}
	setField(r, "win_scale", value.Int(scale))
	setField(r, "MSS", value.Count(mss))
	setField(r, "SACK_OK", value.Bool(sack))
	return value.Value{P: r}
}

// tcpFlags is a TCP flags byte as Zeek prints it in tcp_packet.
func tcpFlags(f uint8) string {
	b := make([]byte, 0, 6)
	for _, x := range []struct {
		bit uint8
		c   byte
	}{{gnet.TCPSyn, 'S'}, {gnet.TCPFin, 'F'}, {gnet.TCPRst, 'R'}, {gnet.TCPAck, 'A'}, {gnet.TCPPsh, 'P'}, {gnet.TCPUrg, 'U'}} {
		if f&x.bit != 0 {
			b = append(b, x.c)
		}
	}
	return string(b)
}

// tcpPacket raises tcp_packet (relative seq and ack from the tracker's
// note, the payload as captured), then the option events.
func (e *Engine) tcpPacket(c *flow.Conn, pkt *gnet.Packet, n flow.Note) {
	h := &e.pkt.ev
	rec := &e.pkt.rec
	if h.tcpPacket != nil {
		length := max(pkt.IPLen-pkt.IPHdrLen-pkt.TCPHdrLen, 0)
		payload := transportPayload(pkt)[pkt.TCPHdrLen:]
		payload = payload[:min(len(payload), length)]
		e.raiseFn(h.tcpPacket, e.connVal(c, rec), value.Bool(n.IsOrig), value.String(tcpFlags(pkt.TCPFlags)),
			value.Count(n.A), value.Count(n.B), value.Count(uint64(length)), value.String(string(payload)))
	}
	if len(pkt.TCPOptions) == 0 || h.tcpOption == nil && h.tcpOptions == nil {
		return
	}
	opts := splitTCPOptions(pkt.TCPOptions)
	for _, o := range opts {
		e.raiseFn(h.tcpOption, e.connVal(c, rec), value.Bool(n.IsOrig), value.Count(uint64(o[0])), value.Count(uint64(optLen(o))))
	}
	if h.tcpOptions != nil {
		e.raiseFn(h.tcpOptions, e.connVal(c, rec), value.Bool(n.IsOrig), e.tcpOptionList(opts, rec))
	}
}

// splitTCPOptions cuts a TCP header's options into single options as
// Zeek does: it stops at a zero or overlong length and after an EOL.
func splitTCPOptions(b []byte) [][]byte {
	var out [][]byte
	for i := 0; i < len(b); {
		l := 1
		if b[i] >= 2 {
			if i+1 >= len(b) {
				break
			}
			l = int(b[i+1])
		}
		if l == 0 || i+l > len(b) {
			break
		}
		out = append(out, b[i:i+l])
		i += l
		if b[i-l] == 0 {
			break
		}
	}
	return out
}

// optLen is an option's length: 1 for EOL and NOP, else its length byte.
func optLen(o []byte) int {
	if o[0] < 2 {
		return 1
	}
	return int(o[1])
}

// tcpOptionList is tcp_options' TCP::OptionList: each option's kind and
// length, its decoded value for the options Zeek knows, its raw data
// otherwise (or when the length is wrong, with a weird).
func (e *Engine) tcpOptionList(opts [][]byte, rec **value.Record) value.Value {
	vt, _ := e.typeOf("TCP::OptionList").(*types.VectorType)
	if vt == nil {
		return value.None
	}
	rt, _ := vt.Elem.(*types.RecordType)
	v := &value.Vector{Type: vt}
	for _, o := range opts {
		r := newRecord(rt)
		l := optLen(o)
		setField(r, "kind", value.Count(uint64(o[0])))
		setField(r, "length", value.Count(uint64(l)))
		if weird := decodeTCPOption(r, o, l); weird != "" {
			setRawOption(r, o, l)
			e.connWeird(weird, *rec, strconv.Itoa(l), "TCP")
		}
		v.Elems = append(v.Elems, value.Value{P: r})
	}
	return value.Value{P: v}
}

// decodeTCPOption fills the fields of the options Zeek decodes (and the
// raw data of the others); it returns the weird for a known option of a
// wrong length, "" otherwise.
func decodeTCPOption(r *value.Record, o []byte, l int) string {
	be32 := func(i int) value.Value { return value.Count(uint64(binary.BigEndian.Uint32(o[i:]))) }
	switch o[0] {
	case 0, 1:
	case 2:
		if l != 4 {
			return "tcp_option_mss_invalid_len"
		}
		setField(r, "mss", value.Count(uint64(binary.BigEndian.Uint16(o[2:]))))
	case 3:
		if l != 3 {
			return "tcp_option_window_scale_invalid_len"
		}
		setField(r, "window_scale", value.Count(uint64(o[2])))
	case 4:
		if l != 2 {
			return "tcp_option_sack_invalid_len"
		}
	case 5:
		if l != 10 && l != 18 && l != 26 && l != 34 {
			return "tcp_option_sack_blocks_invalid_len"
		}
		setField(r, "sack", sackBlocks(r, o))
	case 8:
		if l != 10 {
			return "tcp_option_timestamps_invalid_len"
		}
		setField(r, "send_timestamp", be32(2))
		setField(r, "echo_timestamp", be32(6))
	case 27:
		if l != 8 {
			return "tcp_option_qsresponse_invalid_len"
		}
		setField(r, "rate", value.Count(uint64(o[2])))
		setField(r, "ttl_diff", value.Count(uint64(o[3])))
		setField(r, "qs_nonce", be32(4))
	case 28:
		if l != 4 {
			return "tcp_option_uto_invalid_len"
		}
	case 29:
		if l < 4 {
			return "tcp_option_ao_invalid_len"
		}
	case 34:
		if l != 2 && (l < 6 || l > 18) {
			return "tcp_option_tfo_invalid_len"
		}
	default:
		setRawOption(r, o, l)
	}
	return ""
}

// setRawOption sets an option's data: what follows kind and length.
func setRawOption(r *value.Record, o []byte, l int) {
	if l > 2 {
		setField(r, "data", value.String(string(o[2:l])))
	}
}

// sackBlocks is a SACK option's edges as an index_vec.
func sackBlocks(r *value.Record, o []byte) value.Value {
	f := r.Type.Field("sack")
	if f == nil {
		return value.None
	}
	vt, _ := f.Type.(*types.VectorType)
	v := &value.Vector{Type: vt}
	for i := 2; i+4 <= len(o); i += 4 {
		v.Elems = append(v.Elems, value.Count(uint64(binary.BigEndian.Uint32(o[i:]))))
	}
	return value.Value{P: v}
}
