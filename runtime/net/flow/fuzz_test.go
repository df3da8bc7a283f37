package flow_test

import (
	"encoding/binary"
	"math"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gopacket/gopacket/layers"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
)

// pktOp is one fuzzed packet; it takes pktOpSize input bytes:
//
//	0: bits 0-1 transport (TCP, TCP, UDP, ICMP), bit 2 sent by the
//	   responder side, bit 3 IPv6, bit 4 bad checksum, bits 5-7 flow
//	1: TCP flags
//	2-3: TCP seq, from the sender's ISN (ICMP: type, code)
//	4-5: TCP ack, from the receiver's ISN
//	6: payload length
//	7: packet time advance, (b*b*5) ms (up to 325 s: past every timeout)
//	8: bit 0 far seq/ack (the byte shifted to the top), bit 1 zero
//	   window, bit 2 window scale option, bit 3 set_inactivity_timeout
//	   (byte 9 mod 16 seconds), bit 4 skip further processing, bit 5
//	   tunnelled (ProcessEncap)
//	9: see byte 8
type pktOp [pktOpSize]byte

const (
	pktOpSize = 10
	maxPktOps = 64 // bounds each run (and minimizing) to stay cheap
)

func (o pktOp) proto(v6 bool) uint8 {
	switch o[0] & 3 {
	case 2:
		return gnet.ProtoUDP
	case 3:
		if v6 {
			return gnet.ProtoICMPv6
		}
		return gnet.ProtoICMP
	}
	return gnet.ProtoTCP
}

func (o pktOp) flow() int     { return int(o[0] >> 5) }
func (o pktOp) reverse() bool { return o[0]&4 != 0 }
func (o pktOp) v6() bool      { return o[0]&8 != 0 }

// fuzzPorts are the flows' (originator, responder) ports: well-known
// and likely-server ports (which flip roles), DNS, a Teredo port.
var fuzzPorts = [8][2]uint16{{1234, 80}, {53, 53}, {5353, 40000}, {40001, 22}, {443, 1025}, {3544, 3544}, {7, 7}, {2000, 8080}}

// isn is the initial sequence number of one side of a flow; flow 0
// starts right below the 32-bit wrap.
func isn(flowIdx int, resp bool) uint32 {
	v := uint32(flowIdx)*0x10000000 + 1000
	if resp {
		v += 0x01000000
	}
	if flowIdx == 0 {
		v -= 2000
	}
	return v
}

func fuzzAddr(v6 bool, host int) netip.Addr {
	if v6 {
		return netip.AddrFrom16([16]byte{0x20, 1, 0xd, 0xb8, 15: byte(host)})
	}
	return netip.AddrFrom4([4]byte{10, 0, 0, byte(host)})
}

// build returns the IP packet for the op.
func (o pktOp) build() []byte {
	f, v6, rev := o.flow(), o.v6(), o.reverse()
	src, dst := fuzzAddr(v6, 1+f%3), fuzzAddr(v6, 10+f)
	sp, dp := fuzzPorts[f][0], fuzzPorts[f][1]
	seq := isn(f, rev) + uint32(binary.BigEndian.Uint16(o[2:]))
	ack := isn(f, !rev) + uint32(binary.BigEndian.Uint16(o[4:]))
	if rev {
		src, dst, sp, dp = dst, src, dp, sp
	}
	if o[8]&1 != 0 {
		seq += uint32(o[9]) << 24
		ack -= uint32(o[9]) << 24
	}
	payload := make([]byte, o[6])
	for i := range payload {
		payload[i] = byte(i)
	}
	proto := o.proto(v6)
	var l4 []byte
	switch proto {
	case gnet.ProtoTCP:
		l4 = o.tcp(sp, dp, seq, ack, payload)
	case gnet.ProtoUDP:
		l4 = make([]byte, 8, 8+len(payload))
		binary.BigEndian.PutUint16(l4[0:], sp)
		binary.BigEndian.PutUint16(l4[2:], dp)
		binary.BigEndian.PutUint16(l4[4:], uint16(8+len(payload)))
		l4 = append(l4, payload...)
	default:
		l4 = append([]byte{o[2], o[3], 0, 0, 0, 1, 0, 2}, payload...)
	}
	return ipPacket(src, dst, proto, l4, o[0]&16 != 0)
}

func (o pktOp) tcp(sp, dp uint16, seq, ack uint32, payload []byte) []byte {
	hl := 20
	if o[8]&4 != 0 {
		hl = 24
	}
	h := make([]byte, hl, hl+len(payload))
	binary.BigEndian.PutUint16(h[0:], sp)
	binary.BigEndian.PutUint16(h[2:], dp)
	binary.BigEndian.PutUint32(h[4:], seq)
	binary.BigEndian.PutUint32(h[8:], ack)
	h[12], h[13] = byte(hl/4)<<4, o[1]
	if o[8]&2 == 0 {
		h[14], h[15] = 0xff, 0xff
	}
	if hl == 24 {
		copy(h[20:], []byte{3, 3, o[9] & 15, 1}) // window scale, NOP
	}
	return append(h, payload...)
}

// ipPacket wraps a transport segment, with its checksum right or, when
// bad is set, off by one.
func ipPacket(src, dst netip.Addr, proto uint8, l4 []byte, bad bool) []byte {
	var b []byte
	if src.Is4() {
		b = make([]byte, 20, 20+len(l4))
		b[0] = 0x45
		binary.BigEndian.PutUint16(b[2:], uint16(20+len(l4)))
		b[8], b[9] = 64, proto
		s, d := src.As4(), dst.As4()
		copy(b[12:], s[:])
		copy(b[16:], d[:])
	} else {
		b = make([]byte, 40, 40+len(l4))
		b[0] = 0x60
		binary.BigEndian.PutUint16(b[4:], uint16(len(l4)))
		b[6], b[7] = proto, 64
		s, d := src.As16(), dst.As16()
		copy(b[8:], s[:])
		copy(b[24:], d[:])
	}
	off := map[uint8]int{gnet.ProtoTCP: 16, gnet.ProtoUDP: 6}[proto] // ICMP: 2
	if off == 0 {
		off = 2
	}
	var sum uint32
	if proto != gnet.ProtoICMP {
		sum = sum16(src.AsSlice()) + sum16(dst.AsSlice()) + uint32(proto) + uint32(len(l4))
	}
	sum += sum16(l4)
	for sum > 0xffff {
		sum = sum>>16 + sum&0xffff
	}
	c := ^uint16(sum)
	if bad {
		c++
	}
	binary.BigEndian.PutUint16(l4[off:], c)
	return append(b, l4...)
}

func sum16(b []byte) uint32 {
	var s uint32
	for i := 0; i+1 < len(b); i += 2 {
		s += uint32(b[i])<<8 | uint32(b[i+1])
	}
	if len(b)%2 == 1 {
		s += uint32(b[len(b)-1]) << 8
	}
	return s
}

// trackerRun holds what a fuzzed run must agree with.
type trackerRun struct {
	t       *testing.T
	tr      *flow.Tracker
	live    map[*flow.Conn]bool
	all     []*flow.Conn
	created int
	ops     int
	ipBytes uint64
}

// FuzzTracker feeds the connection tracker a sequence of fuzzed TCP,
// UDP and ICMP packets (flags, sequence and ack numbers, payload sizes,
// bad checksums, IPv4 and IPv6, gaps in packet time that reach every
// timeout), calling Expire before each packet as the engine does and
// Flush at the end. Nothing may panic, and cheap invariants must hold:
// live and removed connections are accounted for exactly once, counts
// stay within what was sent, conn_state is one of Zeek's values and the
// history only uses Zeek's letters.
func FuzzTracker(f *testing.F) {
	for _, s := range trackerSeeds() {
		f.Add(uint8(0), s)
		f.Add(uint8(3), s)
	}
	f.Fuzz(func(t *testing.T, mode uint8, in []byte) {
		cfg := flow.BareConfig()
		if mode&1 != 0 {
			cfg = flow.DefaultConfig()
		}
		cfg.IgnoreChecksums = mode&2 != 0
		r := &trackerRun{t: t, tr: flow.NewTracker(cfg), live: map[*flow.Conn]bool{}}
		d := gnet.NewDecoder()
		now := time.Unix(1_000_000_000, 0)
		in = in[:min(len(in), maxPktOps*pktOpSize)]
		for ; len(in) >= pktOpSize; in = in[pktOpSize:] {
			o := pktOp(in)
			now = now.Add(time.Duration(o[7]) * time.Duration(o[7]) * 5 * time.Millisecond)
			r.removed(r.tr.Expire(now))
			b := o.build()
			r.packet(o, d.DecodeBytes(layers.LinkTypeRaw, b, now, len(b)))
		}
		r.removed(r.tr.Flush())
		if len(r.live) != 0 || r.tr.Len() != 0 || len(r.tr.Conns()) != 0 {
			t.Fatalf("after Flush: %d live in the model, Len %d", len(r.live), r.tr.Len())
		}
		r.totals()
	})
}

// totals checks that every packet and IP byte counted was sent, once.
func (r *trackerRun) totals() {
	var pkts, bytes uint64
	for _, c := range r.all {
		pkts += c.Orig.NumPkts + c.Resp.NumPkts
		bytes += c.Orig.NumBytesIP + c.Resp.NumBytesIP
	}
	if pkts > uint64(r.ops) || bytes > r.ipBytes {
		r.t.Fatalf("connections counted %d packets, %d IP bytes; %d packets, %d bytes were sent", pkts, bytes, r.ops, r.ipBytes)
	}
}

// packet processes one packet and checks its connection.
func (r *trackerRun) packet(o pktOp, p *gnet.Packet) {
	r.ops++
	r.ipBytes += uint64(p.IPLen)
	var c *flow.Conn
	var isNew bool
	if o[8]&32 != 0 {
		encap := []flow.Encap{{Type: gnet.TunnelTeredo, ID: flow.ConnID{OrigH: p.Dst, RespH: p.Src, OrigP: 1, RespP: 3544, Proto: gnet.ProtoUDP}}}
		c, isNew, _ = r.tr.ProcessEncap(p, encap)
	} else {
		c, isNew = r.tr.Process(p)
	}
	if c == nil {
		r.t.Fatalf("op %d: a well-formed %d packet was not tracked", r.ops, p.Proto)
	}
	if isNew {
		r.created++
		r.live[c] = true
		r.all = append(r.all, c)
	}
	if c.ID.Proto != p.Proto || c.Removed || !r.live[c] {
		r.t.Fatalf("op %d: got conn %+v (removed %v, known %v) for proto %d", r.ops, c.ID, c.Removed, r.live[c], p.Proto)
	}
	for x := range r.live {
		if x.Removed { // replaced by a new connection on the same tuple
			r.checkConn(x)
			delete(r.live, x)
		}
	}
	if o[8]&8 != 0 {
		r.tr.SetInactivityTimeout(c, time.Duration(o[9]&15)*time.Second)
	}
	if o[8]&16 != 0 {
		c.SetSkip(true)
	}
	r.checkConn(c)
	if r.tr.Created() != r.created || r.tr.Len() != len(r.live) {
		r.t.Fatalf("op %d: Created %d (model %d), Len %d (model %d)", r.ops, r.tr.Created(), r.created, r.tr.Len(), len(r.live))
	}
}

// removed checks connections Expire or Flush returned.
func (r *trackerRun) removed(cs []*flow.Conn) {
	for _, c := range cs {
		if !c.Removed || !r.live[c] {
			r.t.Fatalf("removed conn %+v: Removed %v, live %v", c.ID, c.Removed, r.live[c])
		}
		r.checkConn(c)
		delete(r.live, c)
	}
	if r.tr.Len() != len(r.live) {
		r.t.Fatalf("Len %d, model %d", r.tr.Len(), len(r.live))
	}
}

// connStates are the values of conn.log's conn_state; UDP and ICMP
// connections only take the first four.
var connStates = map[string]bool{"S0": true, "SF": true, "SHR": true, "OTH": true,
	"S1": true, "REJ": true, "S2": true, "S3": true, "RSTO": true, "RSTR": true, "RSTOS0": true, "RSTRH": true, "SH": true}

var udpStates = map[string]bool{"S0": true, "SF": true, "SHR": true, "OTH": true}

// historyLetters are Zeek's history letters (upper case for the
// originator, lower case for the responder) and ^ for a flip.
const historyLetters = "SHADFRCGTWIQshadfrcgtwiq^"

func (r *trackerRun) checkConn(c *flow.Conn) {
	t := r.t
	if st := c.ConnState(); !connStates[st] || (c.ID.Proto != gnet.ProtoTCP && !udpStates[st]) {
		t.Fatalf("conn %+v: conn_state %q", c.ID, st)
	}
	for _, ch := range c.History() {
		if !strings.ContainsRune(historyLetters, ch) {
			t.Fatalf("conn %+v: history %q has %q", c.ID, c.History(), ch)
		}
	}
	if c.Duration() < 0 {
		t.Fatalf("conn %+v: duration %v", c.ID, c.Duration())
	}
	maxState := flow.TCPReset
	if c.ID.Proto != gnet.ProtoTCP {
		maxState = flow.UDPActive
	}
	for _, e := range []*flow.Endpoint{c.Orig, c.Resp} {
		if e.State > maxState {
			t.Fatalf("conn %+v: endpoint state %d", c.ID, e.State)
		}
		if e.NumPkts > uint64(r.ops) || e.NumBytesIP > r.ipBytes {
			t.Fatalf("conn %+v: %d packets, %d IP bytes after %d packets, %d bytes", c.ID, e.NumPkts, e.NumBytesIP, r.ops, r.ipBytes)
		}
		if sz := e.Size(); sz > math.MaxUint32 || (c.ID.Proto != gnet.ProtoTCP && sz > r.ipBytes) {
			t.Fatalf("conn %+v: size %d", c.ID, sz)
		}
	}
	if c.MissedBytes() > uint64(r.ops)<<32 {
		t.Fatalf("conn %+v: %d missed bytes", c.ID, c.MissedBytes())
	}
}

// trackerSeeds turns the first packets of some shared traces into ops
// (flows numbered by first appearance, sequence numbers relative to each
// side's first), plus a hand-made handshake, transfer and close.
func trackerSeeds() [][]byte {
	hand := []pktOp{
		{0, 0x02},                                 // SYN
		{4, 0x12, 0, 0, 0, 1, 0, 2},               // SYN-ACK
		{0, 0x10, 0, 1, 0, 1, 0, 2},               // ACK
		{0, 0x18, 0, 1, 0, 1, 100, 2},             // data
		{4, 0x10, 0, 1, 0, 101, 0, 2},             // ACK
		{0, 0x11, 0, 101, 0, 1, 0, 40},            // FIN
		{4, 0x11, 0, 1, 0, 102, 0, 2},             // FIN
		{0, 0x10, 0, 102, 0, 2, 0, 2},             // ACK
		{0x22, 0, 0, 0, 0, 0, 30, 2},              // UDP
		{0x26, 0, 0, 0, 0, 0, 60, 2},              // UDP reply
		{0x0b, 0, 128, 0, 0, 0, 16, 2},            // ICMPv6 echo
		{0x4f, 0, 129, 0, 0, 0, 16, 2, 0, 0},      // echo reply, flow 2
		{0x60, 0x04, 0, 9, 0, 0, 0, 255, 0x08, 3}, // RST, inactivity 3 s
		{0x60, 0x02, 0, 9, 0, 0, 0, 255, 0x21, 7}, // far SYN, tunnelled
	}
	out := [][]byte{opsBytes(hand)}
	dir := tracesDir()
	if dir == "" {
		return out
	}
	for _, name := range []string{"http-get.pcap", "tcp-missing-syn.pcap", "dns53.pcap", "ssh-ssh.pcap", "smtp-multi-addr.pcap", "ipv6-mobility-dst-opts.pcap"} {
		if ops := traceOps(filepath.Join(dir, name)); len(ops) > 0 {
			out = append(out, opsBytes(ops))
		}
	}
	return out
}

func opsBytes(ops []pktOp) []byte {
	var b []byte
	for _, o := range ops {
		b = append(b, o[:]...)
	}
	return b
}

func tracesDir() string {
	for _, d := range []string{os.Getenv("GOBRO_TRACES"), "../../../../shared/traces", "/work/shared/traces"} {
		if d == "" {
			continue
		}
		if _, err := os.Stat(filepath.Join(d, "README.md")); err == nil {
			return d
		}
	}
	return ""
}

// traceOps converts a trace's first packets to ops.
func traceOps(path string) []pktOp {
	src, err := gnet.Open(path)
	if err != nil {
		return nil
	}
	defer src.Close()
	d := gnet.NewDecoder()
	type side struct {
		a    netip.Addr
		port uint16
	}
	flows := map[[2]side]int{}
	base := map[side]uint32{}
	var ops []pktOp
	var last time.Time
	var rp gnet.RawPacket
	for len(ops) < maxPktOps && src.Next(&rp) == nil {
		p := d.Decode(&rp)
		if !p.HasTransport || p.IsFragment {
			continue
		}
		from, to := side{p.Src, p.SrcPort}, side{p.Dst, p.DstPort}
		fi, ok := flows[[2]side{from, to}]
		rev := false
		if r, ok2 := flows[[2]side{to, from}]; ok2 {
			fi, ok, rev = r, true, true
		}
		if !ok {
			fi = len(flows) % 8
			flows[[2]side{from, to}] = fi
		}
		var o pktOp
		o[0] = byte(fi<<5) | b2u(rev)<<2 | b2u(p.IPVersion == 6)<<3
		switch p.Proto {
		case gnet.ProtoUDP:
			o[0] |= 2
		case gnet.ProtoICMP, gnet.ProtoICMPv6:
			o[0] |= 3
			o[2], o[3] = p.ICMPType, p.ICMPCode
		}
		if p.Proto == gnet.ProtoTCP {
			if _, ok := base[from]; !ok {
				base[from] = p.Seq
			}
			if _, ok := base[to]; !ok {
				base[to] = p.Ack - 1
			}
			o[1] = p.TCPFlags
			binary.BigEndian.PutUint16(o[2:], uint16(p.Seq-base[from]))
			binary.BigEndian.PutUint16(o[4:], uint16(p.Ack-base[to]))
		}
		o[6] = byte(min(len(p.Payload), 255))
		if !last.IsZero() {
			ms := rp.Timestamp.Sub(last).Milliseconds()
			o[7] = byte(min(math.Sqrt(float64(max(ms, 0))/5), 255))
		}
		last = rp.Timestamp
		ops = append(ops, o)
	}
	return ops
}

func b2u(b bool) byte {
	if b {
		return 1
	}
	return 0
}
