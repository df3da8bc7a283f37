package flow

import (
	"bytes"
	"encoding/binary"
	"math/bits"
	"net/netip"
	"sort"
	"time"

	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/uid"
)

// PortProto is a port qualified by transport (like Zeek's port values).
type PortProto struct {
	Port  uint16
	Proto uint8 // ProtoTCP or ProtoUDP
}

// Config holds the script-level constants the tracker depends on.
type Config struct {
	TCPInactivityTimeout  time.Duration // tcp_inactivity_timeout (5 min)
	UDPInactivityTimeout  time.Duration // udp_inactivity_timeout (1 min)
	ICMPInactivityTimeout time.Duration // icmp_inactivity_timeout (1 min)
	TCPAttemptDelay       time.Duration // tcp_attempt_delay (5 s)
	TCPCloseDelay         time.Duration // tcp_close_delay (5 s)
	TCPConnectionLinger   time.Duration // tcp_connection_linger (5 s)
	TCPSYNTimeout         time.Duration // tcp_SYN_timeout (5 s)
	TCPSessionTimer       time.Duration // tcp_session_timer (6 s)
	TCPResetDelay         time.Duration // tcp_reset_delay (5 s)
	TCPPartialCloseDelay  time.Duration // tcp_partial_close_delay (3 s)
	DNSSessionTimeout     time.Duration // dns_session_timeout (10 s)

	// PartialCloseTimer arms the timer that ends a connection whose
	// first packet from one side was a FIN (connection_partial_close);
	// Zeek does so only when that event is handled.
	PartialCloseTimer bool
	// ReportGapsForPartial is report_gaps_for_partial: content gaps of
	// connections not cleanly established count too.
	ReportGapsForPartial bool
	// The reassembler's limits (tcp_max_initial_window,
	// tcp_max_above_hole_without_any_acks,
	// tcp_excessive_data_without_further_acks); 0 turns one off.
	TCPMaxInitialWindow, TCPMaxAboveHole, TCPExcessiveData int

	// Notes are the kinds of Note the tracker records (see Notes).
	Notes NoteSet

	// IgnoreChecksums is Zeek's -C. Otherwise a TCP/UDP/ICMP packet with a
	// bad checksum only adds C/c to the history and is not counted.
	IgnoreChecksums bool

	// LikelyServerPorts drives Zeek's flip heuristic for connections whose
	// first packet is not a SYN (TCP) or any UDP packet. Zeek's scripts fill
	// likely_server_ports from the protocol scripts they load.
	LikelyServerPorts map[PortProto]bool

	// DNSPorts are the UDP ports the DNS analyzer is attached to (by the
	// responder port). Such connections expire dns_session_timeout after
	// their last packet and are removed first, in timer order, at the end
	// of the run. Empty when base/protocols/dns is not loaded.
	DNSPorts map[uint16]bool

	// UIDs, if set, gives every new connection the next uid.
	UIDs *uid.Generator
}

// BarePorts is likely_server_ports with no protocol scripts loaded.
func BarePorts() map[PortProto]bool { return map[PortProto]bool{} }

func tcpPorts(m map[PortProto]bool, ports ...uint16) {
	for _, p := range ports {
		m[PortProto{p, ProtoTCP}] = true
	}
}

func udpPorts(m map[PortProto]bool, ports ...uint16) {
	for _, p := range ports {
		m[PortProto{p, ProtoUDP}] = true
	}
}

// Script-registered server ports of Zeek's base protocol scripts (the
// `ports` constants that each base/protocols/*/main.zeek adds to
// likely_server_ports).
var (
	DNSServerTCP  = []uint16{53}
	DNSServerUDP  = []uint16{53, 137, 5353, 5355}
	HTTPServerTCP = []uint16{80, 81, 631, 1080, 3128, 8000, 8080, 8888}
	FTPServerTCP  = []uint16{21, 2811}
	SSHServerTCP  = []uint16{22}
	SSLServerTCP  = []uint16{443, 563, 585, 614, 636, 989, 990, 992, 993, 995, 5223}
	SMTPServerTCP = []uint16{25, 587}
	IRCServerTCP  = []uint16{6666, 6667, 6668, 6669}
	// base/frameworks/tunnels: AYIYA, Teredo, GTPv1, VXLAN, Geneve.
	TunnelServerUDP = []uint16{5072, 3544, 2152, 2123, 4789, 6081}
)

// PortsFor builds likely_server_ports for the named base protocol scripts
// ("dns", "http", "ftp", "ssh", "ssl", "smtp", "irc", "tunnels").
func PortsFor(protocols ...string) map[PortProto]bool {
	m := map[PortProto]bool{}
	for _, p := range protocols {
		switch p {
		case "dns":
			tcpPorts(m, DNSServerTCP...)
			udpPorts(m, DNSServerUDP...)
		case "http":
			tcpPorts(m, HTTPServerTCP...)
		case "ftp":
			tcpPorts(m, FTPServerTCP...)
		case "ssh":
			tcpPorts(m, SSHServerTCP...)
		case "ssl":
			tcpPorts(m, SSLServerTCP...)
		case "smtp":
			tcpPorts(m, SMTPServerTCP...)
		case "irc":
			tcpPorts(m, IRCServerTCP...)
		case "tunnels":
			udpPorts(m, TunnelServerUDP...)
		}
	}
	return m
}

// DNSPortSet is the DNS analyzer's UDP ports (dns, nbns, mdns, llmnr).
func DNSPortSet() map[uint16]bool {
	m := map[uint16]bool{}
	for _, p := range DNSServerUDP {
		m[p] = true
	}
	return m
}

// DefaultConfig is Zeek's defaults with the base protocol scripts of a
// default (non -b) run loaded.
func DefaultConfig() Config {
	c := BareConfig()
	c.LikelyServerPorts = PortsFor("dns", "http", "ftp", "ssh", "ssl", "smtp", "irc", "tunnels")
	c.DNSPorts = DNSPortSet()
	return c
}

// BareConfig is Zeek's defaults with no protocol scripts loaded.
func BareConfig() Config {
	return Config{
		TCPInactivityTimeout:  5 * time.Minute,
		UDPInactivityTimeout:  time.Minute,
		ICMPInactivityTimeout: time.Minute,
		TCPAttemptDelay:       5 * time.Second,
		TCPCloseDelay:         5 * time.Second,
		TCPConnectionLinger:   5 * time.Second,
		TCPSYNTimeout:         5 * time.Second,
		TCPSessionTimer:       6 * time.Second,
		TCPResetDelay:         5 * time.Second,
		TCPPartialCloseDelay:  3 * time.Second,
		DNSSessionTimeout:     10 * time.Second,
		TCPMaxInitialWindow:   16384,
		TCPMaxAboveHole:       16384,
		TCPExcessiveData:      10 * 1024 * 1024,
		LikelyServerPorts:     map[PortProto]bool{},
		DNSPorts:              map[uint16]bool{},
	}
}

// Tracker groups packets into connections.
type Tracker struct {
	cfg     Config
	conns   connTable
	timers  timerHeap
	tseq    uint64
	created uint64
	removed []*Conn
	tunnels map[[2]netip.Addr]string // IP/GRE tunnel uids by address pair

	// notes and reused are what the latest Process call noted (see
	// Notes and Reused); delivered what it did with the packet (see
	// Delivered).
	notes     []Note
	dataNotes int
	reused    *Conn
	delivered struct{ isOrig, analysed bool }
}

// NewTracker returns an empty tracker.
func NewTracker(cfg Config) *Tracker {
	if cfg.LikelyServerPorts == nil {
		cfg.LikelyServerPorts = map[PortProto]bool{}
	}
	if cfg.DNSPorts == nil {
		cfg.DNSPorts = map[uint16]bool{}
	}
	return &Tracker{cfg: cfg, conns: newConnTable()}
}

// Len is the number of live connections.
func (t *Tracker) Len() int { return t.conns.n }

// Conns returns the live connections in creation order.
func (t *Tracker) Conns() []*Conn {
	out := t.conns.appendAll(make([]*Conn, 0, t.conns.n))
	sort.Slice(out, func(i, j int) bool { return out[i].Index < out[j].Index })
	return out
}

// Each calls f for every live connection in creation order until f
// returns false.
func (t *Tracker) Each(f func(*Conn) bool) {
	for _, c := range t.Conns() {
		if !c.Removed && !f(c) {
			return
		}
	}
}

func (t *Tracker) remove(c *Conn) {
	if c.Removed {
		return
	}
	c.Removed = true
	t.conns.remove(c)
	t.removed = append(t.removed, c)
}

func (t *Tracker) inactivityTimeout(c *Conn) time.Duration {
	if r := c.rare; r != nil && r.inactivitySet {
		return r.inactivity
	}
	switch c.ID.Proto {
	case ProtoTCP:
		return t.cfg.TCPInactivityTimeout
	case ProtoUDP:
		return t.cfg.UDPInactivityTimeout
	}
	return t.cfg.ICMPInactivityTimeout
}

// Lookup finds the live connection with the given id, in either
// direction (nil if none).
func (t *Tracker) Lookup(id ConnID) *Conn {
	h := t.conns.hash(id.OrigH, id.OrigP, id.RespH, id.RespP, id.Proto)
	c := t.conns.get(id.OrigH, id.OrigP, id.RespH, id.RespP, id.Proto, h)
	if c == nil || c.Removed {
		return nil
	}
	return c
}

// SetInactivityTimeout is set_inactivity_timeout: the connection times
// out after d without packets (0: never). It returns the previous
// timeout.
func (t *Tracker) SetInactivityTimeout(c *Conn, d time.Duration) time.Duration {
	old := t.inactivityTimeout(c)
	r := c.rareState()
	r.inactivity, r.inactivitySet = d, true
	if d > 0 && !c.Removed {
		// An earlier-armed timer re-arms itself from Last when it fires;
		// a shorter timeout needs a timer of its own.
		t.addTimer(c, c.Last().Add(d), timerInactivity)
	}
	return old
}

// Expire runs every timer due at or before now (network time) and returns
// the connections removed, in removal order. Call it with a packet's
// timestamp before Process for that packet, as Zeek does.
func (t *Tracker) Expire(now time.Time) []*Conn {
	t.removed = nil
	for n := now.UnixNano(); len(t.timers) > 0 && t.timers[0].at <= n; {
		tm := t.timers.pop()
		t.fire(&tm, false)
	}
	r := t.removed
	t.removed = nil
	return r
}

func (t *Tracker) fire(tm *timer, terminating bool) {
	if tm.dead() || terminating && !tm.kind().expire() {
		return
	}
	c := tm.c
	at := time.Unix(0, tm.at)
	switch tm.kind() {
	case timerInactivity:
		to := t.inactivityTimeout(c)
		if to <= 0 {
			break // set_inactivity_timeout(0): never times out
		}
		if !c.Last().Add(to).After(at) {
			t.end(c, EndTimeout)
		} else {
			t.addTimer(c, c.Last().Add(to), timerInactivity)
		}
	case timerAttempt:
		if !c.quiet && (c.Orig.State == TCPSynSent || c.Orig.State == TCPSynAckSent) && c.Resp.State == TCPInactive {
			c.quiet = true
			t.end(c, EndAttempt)
		}
	case timerCloseDelete:
		// Zeek's delete timer reports a timeout, but not when the
		// close delay is zero (it then removes without one).
		if t.cfg.TCPCloseDelay > 0 {
			t.end(c, EndTimeout)
		} else {
			t.end(c, EndFlushed)
		}
	case timerTCPExpire:
		t.tcpExpire(c, at)
	case timerDNS:
		if terminating || at.Sub(c.Last()) >= t.cfg.DNSSessionTimeout-time.Second {
			t.end(c, EndTimeout)
		} else {
			t.addTimer(c, at.Add(t.cfg.DNSSessionTimeout), timerDNS)
		}
	case timerReset:
		t.resetTimer(c)
	case timerPartialClose:
		t.partialCloseTimer(c)
	}
}

// end removes a connection for the given reason.
func (t *Tracker) end(c *Conn, why EndReason) {
	c.EndReason = why
	t.remove(c)
}

// tcpExpire is TCPSessionAdapter::ExpireTimer: after the linger time
// without packets, a connection one side closed (or reset, or never
// used) times out; else the timer comes back.
func (t *Tracker) tcpExpire(c *Conn, at time.Time) {
	if c.quiet {
		return
	}
	o, r := c.Orig, c.Resp
	if c.Last().Add(t.cfg.TCPConnectionLinger).Before(at) {
		if (o.didClose || r.didClose) && ((o.didClose && r.didClose) || o.State == TCPReset || r.State == TCPReset || o.State == TCPInactive || r.State == TCPInactive) {
			c.quiet = true
			t.end(c, EndTimeout)
			return
		}
		if r.State == TCPInactive && o.State == TCPInactive {
			t.end(c, EndTimeout)
			return
		}
	}
	t.addTimer(c, at.Add(t.cfg.TCPSessionTimer), timerTCPExpire)
}

// resetTimer is TCPSessionAdapter::ResetTimer: tcp_reset_delay after a
// RST that followed a FIN, the connection ends, reset unless both sides
// had closed.
func (t *Tracker) resetTimer(c *Conn) {
	if c.quiet {
		return
	}
	why := EndFlushed
	if !(c.Orig.didClose && c.Resp.didClose) {
		why = EndReset
		c.quiet = true
	}
	t.end(c, why)
}

// partialCloseTimer is TCPSessionAdapter::PartialCloseTimer: both sides
// active but not both closed, and no RST to explain it.
func (t *Tracker) partialCloseTimer(c *Conn) {
	o, r := c.Orig, c.Resp
	if c.quiet || o.State == TCPInactive || r.State == TCPInactive || o.didClose && r.didClose {
		return
	}
	if o.State == TCPReset || r.State == TCPReset {
		return
	}
	t.end(c, EndPartialClose)
}

// Flush ends the run: timers that act at shutdown (DNS session timers,
// TCP attempt timers) remove their connections in timer order, then every
// remaining connection is removed in the order of Zeek's connection key
// bytes (the seeded, reproducible order). It returns all of them in that
// order and leaves the tracker empty.
func (t *Tracker) Flush() []*Conn {
	t.removed = nil
	// Only timers that act at shutdown do anything now: fire those in
	// timer order, without popping the rest one by one.
	var due []timer
	for _, tm := range t.timers {
		if tm.kind().expire() {
			due = append(due, tm)
		}
	}
	t.timers = nil
	sort.Slice(due, func(i, j int) bool { return due[i].before(&due[j]) })
	for i := range due {
		t.fire(&due[i], true)
	}
	// Sort by the keys' byte forms, each made once. Live connections'
	// keys differ: their order is total.
	byKey := make([]keyedConn, 0, t.conns.n)
	for _, c := range t.conns.appendAll(nil) {
		byKey = append(byKey, keyedConn{c.ID.key().bytes(), c})
	}
	sort.Slice(byKey, func(i, j int) bool { return bytes.Compare(byKey[i].b[:], byKey[j].b[:]) < 0 })
	for _, kc := range byKey {
		t.remove(kc.c)
	}
	out := t.removed
	t.removed = nil
	t.conns.free()
	return out
}

// keyedConn is a connection with its key's byte form, for sorting.
type keyedConn struct {
	b [38]byte
	c *Conn
}

// ICMPCounterpart is the ICMP type that answers typ (the responder port
// of an ICMP connection), or the code and true for a one-way message.
func ICMPCounterpart(v6 bool, typ, code uint8) (uint16, bool) {
	return icmpCounterpart(v6, typ, code)
}

// icmpCounterpart is Zeek's ICMP4_counterpart / ICMP6_counterpart.
func icmpCounterpart(v6 bool, typ, code uint8) (uint16, bool) {
	if !v6 {
		switch typ {
		case 8:
			return 0, false
		case 0:
			return 8, false
		case 13:
			return 14, false
		case 14:
			return 13, false
		case 15:
			return 16, false
		case 16:
			return 15, false
		case 10:
			return 9, false
		case 9:
			return 10, false
		case 17:
			return 18, false
		case 18:
			return 17, false
		}
		return uint16(code), true
	}
	switch typ {
	case 128:
		return 129, false
	case 129:
		return 128, false
	case 133:
		return 134, false
	case 134:
		return 133, false
	case 135:
		return 136, false
	case 136:
		return 135, false
	case 130:
		return 131, false
	case 131:
		return 130, false
	case 139:
		return 140, false
	case 140:
		return 139, false
	case 144:
		return 145, false
	case 145:
		return 144, false
	}
	return uint16(code), true
}

func (t *Tracker) likely(port uint16, proto uint8) bool {
	return t.cfg.LikelyServerPorts[PortProto{port, proto}]
}

// Process feeds one decoded packet to the tracker. It returns the packet's
// connection and whether it was created by this packet, or nil for packets
// the tracker does not follow (non-IP, fragments, other protocols,
// truncated transport headers).
func (t *Tracker) Process(p *gnet.Packet) (c *Conn, isNew bool) {
	t.notes, t.dataNotes, t.reused = t.notes[:0], 0, nil
	t.delivered.analysed = false
	if p.IPVersion == 0 || p.IsFragment || !p.HasTransport {
		return nil, false
	}
	proto := p.Proto
	sp, dp := p.SrcPort, p.DstPort
	switch proto {
	case ProtoTCP, ProtoUDP:
	case ProtoICMP, ProtoICMPv6:
		sp = uint16(p.ICMPType)
		dp, _ = icmpCounterpart(proto == ProtoICMPv6, p.ICMPType, p.ICMPCode)
	default:
		return nil, false
	}
	h := t.conns.hash(p.Src, sp, p.Dst, dp, proto)
	c = t.conns.get(p.Src, sp, p.Dst, dp, proto, h)
	if c != nil && proto == ProtoTCP && t.isReuse(c, p) {
		t.end(c, EndReused)
		t.reused = c
		c = nil
	}
	if c == nil {
		c = t.newConn(h, p, sp, dp)
		isNew = true
	}
	if c.skip {
		return c, isNew
	}
	isOrig := p.Src == c.ID.OrigH && sp == c.ID.OrigP
	if p.Src == p.Dst && sp == dp {
		isOrig = true
	}
	t.deliver(c, p, isOrig)
	return c, isNew
}

// ProcessEncap is Process for a packet carried in the tunnel chain encap
// (outermost first; nil for a packet on the wire). A new connection keeps
// a copy of the chain. For an existing one whose chain differs (Zeek's
// Connection::CheckEncapsulation), the chain is replaced and changed is
// set: Zeek raises tunnel_changed then. Connections are keyed by their
// 5-tuple alone, as in Zeek, so one flow seen through several tunnels (or
// inside and outside one) is one connection.
func (t *Tracker) ProcessEncap(p *gnet.Packet, encap []Encap) (c *Conn, isNew, changed bool) {
	c, isNew = t.Process(p)
	if c == nil {
		return nil, false, false
	}
	if isNew {
		c.setEncap(encap)
		return c, true, false
	}
	if !sameChain(c.Encap(), encap) {
		c.setEncap(encap)
		changed = true
	}
	return c, false, changed
}

// TunnelUID returns the uid of the IP-in-IP/GRE tunnel between a and b
// (either direction), drawn from the connection uid generator when the
// pair is first seen, as Zeek's IPTunnel analyzer does. It is "" without
// a generator. Tunnels are not expired (Zeek's ip_tunnel_timeout is 24h).
func (t *Tracker) TunnelUID(a, b netip.Addr) string {
	if b.Less(a) {
		a, b = b, a
	}
	k := [2]netip.Addr{a, b}
	if u, ok := t.tunnels[k]; ok {
		return u
	}
	if t.cfg.UIDs == nil {
		return ""
	}
	if t.tunnels == nil {
		t.tunnels = map[[2]netip.Addr]string{}
	}
	u := t.cfg.UIDs.Next('C')
	t.tunnels[k] = u
	return u
}

func (t *Tracker) newConn(h uint32, p *gnet.Packet, sp, dp uint16) *Conn {
	ts := p.Timestamp.UnixNano()
	c := &Conn{
		ID:    ConnID{OrigH: p.Src, OrigP: sp, RespH: p.Dst, RespP: dp, Proto: p.Proto},
		start: ts, last: ts, t: t,
		Index: t.created, VLAN: -1, InnerVLAN: -1,
	}
	if p.NumVLANs >= 1 {
		c.VLAN = int16(p.VLAN)
	}
	if p.NumVLANs >= 2 {
		c.InnerVLAN = int16(p.InnerVLAN)
	}
	t.created++
	c.eps = [2]Endpoint{{conn: c, plen: -1, isOrig: true}, {conn: c, plen: -1, slot: 1}}
	c.Orig, c.Resp = &c.eps[0], &c.eps[1]
	c.Orig.initStream()
	c.Resp.initStream()
	flip := false
	switch p.Proto {
	case ProtoTCP:
		f := p.TCPFlags
		if f&gnet.TCPSyn == 0 || f&gnet.TCPAck != 0 {
			if t.likely(sp, ProtoTCP) {
				if t.likely(dp, ProtoTCP) {
					flip = f&gnet.TCPSyn == 0 && sp < dp
				} else {
					flip = true
				}
			}
		}
	case ProtoUDP:
		flip = t.likely(sp, ProtoUDP) && !t.likely(dp, ProtoUDP)
	}
	if flip {
		c.flipRoles()
	}
	t.conns.add(c, h)
	t.addTimer(c, p.Timestamp.Add(t.inactivityTimeout(c)), timerInactivity)
	switch p.Proto {
	case ProtoTCP:
		t.addTimer(c, p.Timestamp.Add(t.cfg.TCPSYNTimeout), timerTCPExpire)
	case ProtoUDP:
		if t.cfg.DNSPorts[c.ID.RespP] {
			c.dns = true
			t.addTimer(c, p.Timestamp.Add(t.cfg.DNSSessionTimeout), timerDNS)
		}
	}
	return c
}

// isReuse is TCPSessionAdapter::IsReuse: a new SYN on a closed connection
// (or with a different initial sequence number) starts a new connection.
func (t *Tracker) isReuse(c *Conn, p *gnet.Packet) bool {
	f := p.TCPFlags
	if f&gnet.TCPSyn == 0 {
		return false
	}
	connOrig := c.Orig
	if f&gnet.TCPAck != 0 {
		if c.Orig.State != TCPInactive {
			return false
		}
		connOrig = c.Resp
	}
	if !(c.Orig.didClose || c.Resp.didClose) {
		if p.Seq == connOrig.startSeq {
			return false
		}
		if f&gnet.TCPAck == 0 && connOrig.State == TCPSynAckSent && c.Resp.State == TCPInactive && p.Seq == c.Resp.startSeq {
			return false
		}
		// Zeek treats this as a reuse only once the endpoint has state.
		if connOrig.State == TCPInactive {
			return false
		}
	}
	return true
}

// deliver runs the transport analyzer and the ConnSize analyzer.
func (t *Tracker) deliver(c *Conn, p *gnet.Packet, isOrig bool) {
	e := c.Resp
	if isOrig {
		e = c.Orig
	}
	l4len := p.IPLen - p.IPHdrLen
	t.delivered.isOrig = isOrig
	if !t.cfg.IgnoreChecksums && !validChecksum(p) {
		switch p.Proto {
		case ProtoTCP, ProtoUDP:
			e.scaledHistory(scaledChecksum, 'C', NoteChecksums)
		}
		return
	}
	t.delivered.analysed = true
	switch p.Proto {
	case ProtoTCP:
		length := l4len - p.TCPHdrLen
		if length < 0 {
			length = 0
		}
		t.processTCP(c, isOrig, p, length)
	case ProtoUDP:
		c.last = p.Timestamp.UnixNano()
		if isOrig {
			c.checkHistory(histDataPkt, 'D')
		} else {
			c.checkHistory(histDataPkt<<16, 'd')
		}
		ulen := l4len
		if off := p.IPHdrLen + 4; len(p.IP) >= off+2 {
			ulen = int(binary.BigEndian.Uint16(p.IP[off:]))
		}
		ulen -= 8
		if e.plen < 0 {
			e.plen = int64(ulen)
		} else {
			e.plen += int64(ulen)
		}
		if e.plen >= 0 {
			e.State = UDPActive
		}
	default: // ICMP
		c.last = p.Timestamp.UnixNano()
		n := int64(l4len - 8)
		if e.plen < 0 {
			e.plen = n
		} else {
			e.plen += n
		}
		if e.plen >= 0 {
			e.State = ICMPActive
		}
	}
	e.NumPkts++
	e.NumBytesIP += uint64(p.IPLen)
}

// Delivered tells, for the latest Process call, whether its packet came
// from the originator and whether the transport analysis accepted it
// (false for a bad checksum, or when the connection is skipped).
func (t *Tracker) Delivered() (isOrig, analysed bool) {
	return t.delivered.isOrig, t.delivered.analysed
}

// validChecksum verifies the TCP/UDP/ICMP checksum over the captured
// transport segment. Packets not fully captured are not checked.
func validChecksum(p *gnet.Packet) bool {
	seg := p.IP[p.IPHdrLen:]
	l4len := p.IPLen - p.IPHdrLen
	if len(seg) < l4len || l4len < 0 {
		return true
	}
	seg = seg[:l4len]
	var sum uint32
	pseudo := func() {
		sum += addrSum(p.Src) + addrSum(p.Dst)
		sum += uint32(p.Proto) + uint32(l4len)&0xffff + uint32(l4len)>>16
	}
	switch p.Proto {
	case ProtoUDP:
		if p.IPVersion == 4 && p.Checksum == 0 {
			return true
		}
		pseudo()
	case ProtoTCP, ProtoICMPv6:
		pseudo()
	case ProtoICMP:
	default:
		return true
	}
	sum += sumBytes(seg)
	for sum>>16 != 0 {
		sum = sum&0xffff + sum>>16
	}
	return uint16(sum) == 0xffff
}

// addrSum is sumBytes of an address's bytes, without the allocation
// of AsSlice.
func addrSum(a netip.Addr) uint32 {
	if a.Is4() {
		b := a.As4()
		s := (uint32(b[0])<<8 | uint32(b[1])) + (uint32(b[2])<<8 | uint32(b[3]))
		return s&0xffff + s>>16 // at most 0x1fffe: one fold
	}
	b := a.As16()
	return sumBytes(b[:])
}

// sumBytes is the one's-complement sum of b as big-endian 16-bit words
// (an odd last byte padded with zero), folded to 16 bits. Checksums are
// the tracker's largest per-byte cost, so it adds 64-bit little-endian
// words with carry: a one's-complement sum does not care about the word
// size once folded, and summing byte-swapped words gives the byte-swapped
// sum, so one swap at the end restores big-endian order.
func sumBytes(b []byte) uint32 {
	var s, c uint64
	for len(b) >= 32 {
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[8:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[16:]), c)
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b[24:]), c)
		b = b[32:]
	}
	for len(b) >= 8 {
		s, c = bits.Add64(s, binary.LittleEndian.Uint64(b), c)
		b = b[8:]
	}
	var tail [8]byte
	copy(tail[:], b) // zero padding, as the odd last byte's
	s, c = bits.Add64(s, binary.LittleEndian.Uint64(tail[:]), c)
	s, c = bits.Add64(s, 0, c) // end-around carry; at most once more
	s += c
	// Fold 64 -> 16 bits with end-around carry.
	s = s&0xffffffff + s>>32
	s = s&0xffffffff + s>>32
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return uint32(bits.ReverseBytes16(uint16(s)))
}

// Created is the number of connections created so far.
func (t *Tracker) Created() int { return int(t.created) }
