// Package flow is gobro's connection tracker: it groups decoded packets
// (runtime/net.Packet) into Zeek connections and keeps, per connection,
// what Zeek's core keeps without any scripts: the endpoint states
// (TCP_INACTIVE..TCP_RESET, UDP_INACTIVE/UDP_ACTIVE), payload sizes
// (TCP sizes from sequence numbers), packet and IP byte counts, the history
// string with Zeek's letter rules, missed bytes (sequence gaps), start and
// last packet time, and the conn_state derived at removal.
//
// It follows Zeek's TCPSessionAdapter / UDP / ICMP session analyzers and
// the ConnSize analyzer. Timers (inactivity, attempt, close delay, TCP
// expire/linger, DNS session timeout) are simulated in network time by
// Tracker.Expire, and Tracker.Flush implements the end-of-run order.
package flow

import (
	"encoding/binary"
	"net/netip"
	"regexp"
	"slices"
	"time"
	"unsafe"

	gnet "github.com/gobro/gobro/runtime/net"
)

// EndpointState is the numeric endpoint state Zeek exposes in
// connection$orig$state / $resp$state.
type EndpointState uint8

// TCP endpoint states (TCP_INACTIVE .. TCP_RESET).
const (
	TCPInactive EndpointState = iota
	TCPSynSent
	TCPSynAckSent
	TCPPartial
	TCPEstablished
	TCPClosed
	TCPReset
)

// UDP and ICMP endpoint states.
const (
	UDPInactive  EndpointState = 0
	UDPActive    EndpointState = 1
	ICMPInactive EndpointState = 0
	ICMPActive   EndpointState = 1
)

// IP protocol numbers of the transports the tracker follows (the
// decoder's).
const (
	ProtoICMP   = gnet.ProtoICMP
	ProtoTCP    = gnet.ProtoTCP
	ProtoUDP    = gnet.ProtoUDP
	ProtoICMPv6 = gnet.ProtoICMPv6
)

// ConnID is a connection's 5-tuple in Zeek's orientation (originator
// first). For ICMP, OrigP is the message type and RespP its counterpart
// type (or the code for one-way messages), as Zeek does.
type ConnID struct {
	// The addresses first and the small fields together: no padding
	// between them.
	OrigH, RespH netip.Addr
	OrigP, RespP uint16
	Proto        uint8 // IP protocol number (6, 17, 1, 58)
}

// Transport is Zeek's transport_proto name: "tcp", "udp", "icmp".
func (id ConnID) Transport() string {
	switch id.Proto {
	case ProtoTCP:
		return "tcp"
	case ProtoUDP:
		return "udp"
	case ProtoICMP, ProtoICMPv6:
		return "icmp"
	}
	return "unknown_transport"
}

// key is the direction-independent lookup key, in the form Zeek's
// ConnKey has: both addresses as 16 bytes (IPv4 mapped), the lower
// (address, port) first. Plain byte arrays hash and compare faster than
// netip.Addr, and the order is also the one of the end-of-run flush.
type key struct {
	a, b   [16]byte
	ap, bp uint16
	proto  uint8
}

func makeKey(src netip.Addr, sp uint16, dst netip.Addr, dp uint16, proto uint8) key {
	a, b := src.As16(), dst.As16()
	ah, bh := binary.BigEndian.Uint64(a[:8]), binary.BigEndian.Uint64(b[:8])
	al, bl := binary.BigEndian.Uint64(a[8:]), binary.BigEndian.Uint64(b[8:])
	if ah < bh || ah == bh && (al < bl || al == bl && sp <= dp) {
		return key{a, b, sp, dp, proto}
	}
	return key{b, a, dp, sp, proto}
}

// key is the 5-tuple's key, the same in either direction.
func (id *ConnID) key() key {
	return makeKey(id.OrigH, id.OrigP, id.RespH, id.RespP, id.Proto)
}

// is tells whether id is the 5-tuple, in either direction. Keys can be
// equal for tuples that are not (an IPv4 address and its IPv4-mapped
// form, addresses with zones): see connTable.get.
func (id *ConnID) is(a netip.Addr, ap uint16, b netip.Addr, bp uint16, proto uint8) bool {
	return id.Proto == proto &&
		(id.OrigP == ap && id.RespP == bp && id.OrigH == a && id.RespH == b ||
			id.OrigP == bp && id.RespP == ap && id.OrigH == b && id.RespH == a)
}

// bytes is the key as Zeek's ConnKey bytes, used for the sorted end-of-run
// flush: lower address, other address, lower port and other port (network
// order), protocol as 16-bit little endian.
func (k key) bytes() (out [38]byte) {
	n := copy(out[:], k.a[:])
	n += copy(out[n:], k.b[:])
	copy(out[n:], []byte{byte(k.ap >> 8), byte(k.ap), byte(k.bp >> 8), byte(k.bp), k.proto, 0})
	return out
}

// scaled implements Zeek's ScaledHistoryEntry counters (letters c, g, t, w
// are recorded at the 1st, 10th, 100th ... occurrence).
type scaled struct{ count, threshold uint32 }

// hit counts one occurrence; at a threshold it reports true with the
// threshold reached (the tcp_multiple_* events' argument).
func (s *scaled) hit() (uint32, bool) {
	if s.threshold == 0 {
		s.threshold = 1
	}
	s.count++
	if s.count != s.threshold {
		return 0, false
	}
	t := s.threshold
	if n := t * 10; n <= t {
		s.count = 0
	} else {
		s.threshold = n
	}
	return t, true
}

// The scaled history counters of an endpoint (see scaled), by index.
const (
	scaledChecksum   = iota // C
	scaledZeroWindow        // W
	scaledRetransmit        // T
	scaledGap               // G
	numScaled
)

// Endpoint is one side of a connection. Both endpoints live inside their
// Conn (one allocation per connection), and the fields go by size so
// that none is padded; what few connections need is in rareState.
type Endpoint struct {
	NumPkts    uint64 // packets counted by the ConnSize analyzer
	NumBytesIP uint64 // sum of IP total lengths

	conn *Conn

	// UDP/ICMP payload byte count; -1 while inactive.
	plen int64

	// Sequence-space bookkeeping of Zeek's TCP reassembler, without the
	// bytes (relative sequence numbers, the first data byte is 1): next
	// is the first byte not yet delivered, trim the first one not yet
	// acknowledged; the ranges seen above a hole are held in rareState.
	// unacked tells whether delivered data waits for an ack (Zeek's
	// blocks between trim and next). skip is set once the reassembler
	// gave up (Zeek's skip_deliveries); eof once connection_EOF was due.
	next, trim  uint64
	finSeq      uint64
	histLastFIN uint64

	// TCP sequence tracking (32-bit sequence space, relative to start).
	startSeq, lastSeq, ackSeq uint32
	// The relative sequence numbers of the latest SYN and RST: relSeq
	// sign-extends a 32-bit delta, so int32 holds them exactly.
	histLastSYN, histLastRST int32

	State     EndpointState
	prevState EndpointState
	isOrig    bool
	// slot is the endpoint's index in Conn.eps: unlike the role, it
	// does not change when the roles flip, so it also indexes the
	// endpoint's rare state.
	slot      uint8
	sawFIN    bool // Zeek's FIN_cnt > 0 (only ever tested against 0)
	didClose  bool
	unacked   bool
	skip, eof bool
}

// Slot is the endpoint's index in its connection, 0 or 1: unlike its
// role, it stays when the roles flip.
func (e *Endpoint) Slot() int { return int(e.slot) }

// peer is the connection's other endpoint.
func (e *Endpoint) peer() *Endpoint { return &e.conn.eps[e.slot^1] }

// Size is the endpoint's payload byte count as Zeek reports it in
// endpoint$size: for TCP derived from sequence numbers (TCP_Endpoint::Size),
// for UDP/ICMP the sum of payload lengths.
func (e *Endpoint) Size() uint64 {
	if e.conn.ID.Proto != ProtoTCP {
		if e.plen < 0 {
			return 0
		}
		return uint64(e.plen)
	}
	if e.prevState == TCPSynSent && e.State == TCPReset && e.peer().State == TCPInactive && !e.noDataAcked() {
		return 0
	}
	last := uint64(e.lastSeq - e.startSeq)
	ack := uint64(e.ackSeq - e.startSeq)
	if seqDelta(e.lastSeq, e.ackSeq) < 0 {
		last = ack
	}
	size := last
	if size != 0 {
		size--
	}
	if e.sawFIN && size != 0 {
		size--
	}
	return size
}

func (e *Endpoint) noDataAcked() bool {
	return e.ackSeq == e.startSeq || e.ackSeq == e.startSeq+1
}

func (e *Endpoint) setState(s EndpointState) {
	e.prevState = e.State
	e.State = s
}

// checkHistory adds code (lower-cased for the responder) the first time
// the bit is seen; it reports whether the bit had been seen before.
func (e *Endpoint) checkHistory(mask uint32, code byte) bool {
	if !e.isOrig {
		mask <<= 16
		code = lower(code)
	}
	return e.conn.checkHistory(mask, code)
}

func (e *Endpoint) addHistory(code byte) {
	if !e.isOrig {
		code = lower(code)
	}
	e.conn.addHistory(code)
}

// scaledHistory counts one occurrence of the scaled history letter code
// (counter i) and, at a threshold past the first, notes the
// tcp_multiple_* event kind k.
func (e *Endpoint) scaledHistory(i int, code byte, k NoteKind) {
	t, ok := e.conn.rareState().scaled[e.slot][i].hit()
	if !ok {
		return
	}
	e.addHistory(code)
	if t > 1 {
		e.conn.t.note(k, e.isOrig, uint64(t), 0)
	}
}

func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// History bits (Zeek's HIST_* for the originator; the responder's are
// shifted left by 16).
const (
	histSYN     uint32 = 0x1
	histFIN     uint32 = 0x4
	histRST     uint32 = 0x8
	histFINRST  uint32 = 0x10
	histACK     uint32 = 0x20
	histData    uint32 = 0x40
	histMulti   uint32 = 0x80
	histCorrupt uint32 = 0x100
	histDataPkt uint32 = 0x200 // UDP/ICMP data packet
)

// Encap is one level of a connection's tunnel chain (Zeek's
// EncapsulatingConn). For UDP tunnels ID is the outer connection's ID
// (oriented to its originator) and UID its uid; for IP-in-IP and GRE ID
// holds the outer packet's addresses (ports and Proto 0) and UID the
// tunnel's uid.
type Encap struct {
	Type gnet.TunnelType
	ID   ConnID
	UID  string
}

// sameTunnel is Zeek's EncapsulatingConn equality: IP, GRE and VXLAN
// tunnels are the same in either direction.
func (a Encap) sameTunnel(b Encap) bool {
	if a.Type != b.Type || a.UID != b.UID || a.ID.Proto != b.ID.Proto {
		return false
	}
	switch a.Type {
	case gnet.TunnelIP, gnet.TunnelGRE, gnet.TunnelVXLAN:
		if a.Type == gnet.TunnelVXLAN && a.ID.RespP != b.ID.RespP {
			return false
		}
		return a.ID.OrigH == b.ID.OrigH && a.ID.RespH == b.ID.RespH ||
			a.ID.OrigH == b.ID.RespH && a.ID.RespH == b.ID.OrigH
	}
	return a.ID == b.ID
}

func sameChain(a, b []Encap) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].sameTunnel(b[i]) {
			return false
		}
	}
	return true
}

// Conn is one tracked connection. It is sized for Go's 384-byte
// allocation class (see TestConnSize): the fields go by size so that none
// is padded, times are Unix nanoseconds, and what few connections need is
// in rareState.
type Conn struct {
	ID   ConnID
	next *Conn  // in the tracker's hash chain, in ID's cache line
	uid  string // drawn by UID on first use
	Orig *Endpoint
	Resp *Endpoint
	// Index is the creation order, starting at 0.
	Index uint64
	// Ext is the engine's own state of the connection, kept here so the
	// engine needs no map keyed by connections.
	Ext any

	hist        string // the history letters (see addHistory)
	start, last int64  // first and latest packet time, Unix nanoseconds
	t           *Tracker
	rare        *rareState // nil until needed

	eps [2]Endpoint // what Orig and Resp point to; a flip swaps the pointers

	// VLAN and InnerVLAN of the first packet (-1 if none; ids are 12
	// bits).
	VLAN, InnerVLAN int16
	histSeen        uint32
	hash            uint32 // of ID, for the tracker's table

	// Removed is set once the tracker has dropped the connection.
	Removed bool
	// EndReason is why the connection was removed (set with Removed).
	EndReason EndReason

	dns bool // DNS-analysed (dns_session_timeout, expires at shutdown)

	// TCP session state
	seenFirstACK bool
	isPartial    bool
	firstSeen    uint8
	// anaGen is the analyzer timer generation: CancelTimers bumps it, at
	// most once per endpoint (when it closes), so it stays below 3.
	anaGen    uint8
	skip      bool
	histLimit bool
	// quiet is Zeek's TCP is_active turned off: the connection's end was
	// already reported (finished, reset, attempt, timeout).
	quiet bool
}

// rareState is the part of a connection's state that few connections
// need: scaled history counters (checksum errors, zero windows,
// retransmissions, gaps), data held above a hole, missed bytes, a tunnel
// chain, an inactivity timeout set by a script. Made on first use, it
// costs every other connection one pointer.
type rareState struct {
	scaled      [2][numScaled]scaled // by endpoint slot
	held        [2][][2]uint64       // by endpoint slot, see Endpoint.hold
	encap       []Encap
	missedBytes uint64
	// inactivity overrides the tracker's timeout (set_inactivity_timeout).
	inactivity    time.Duration
	inactivitySet bool
}

func (c *Conn) rareState() *rareState {
	if c.rare == nil {
		c.rare = &rareState{}
	}
	return c.rare
}

// Start is the time of the connection's first packet.
func (c *Conn) Start() time.Time { return time.Unix(0, c.start) }

// Last is the time of the connection's latest packet (Zeek's last_time:
// a TCP connection's stops once both sides closed).
func (c *Conn) Last() time.Time { return time.Unix(0, c.last) }

// History is the connection's history string (see addHistory).
func (c *Conn) History() string { return c.hist }

// MissedBytes is the number of bytes in sequence gaps that the peer
// acknowledged and Zeek reports: the sum of the content_gap lengths
// (conn.log's missed_bytes).
func (c *Conn) MissedBytes() uint64 {
	if c.rare == nil {
		return 0
	}
	return c.rare.missedBytes
}

// Encap is the tunnel chain of the connection's latest packet, outermost
// first (Zeek's connection$tunnel); nil if not tunnelled.
func (c *Conn) Encap() []Encap {
	if c.rare == nil {
		return nil
	}
	return c.rare.encap
}

// setEncap keeps a copy of the chain.
func (c *Conn) setEncap(chain []Encap) {
	if len(chain) == 0 && c.rare == nil {
		return
	}
	c.rareState().encap = slices.Clone(chain)
}

// DNS tells whether the DNS analyzer is attached (by the responder port).
func (c *Conn) DNS() bool { return c.dns }

// Pending tells whether a TCP connection still open at the end of the
// run gets connection_pending: its end was not reported and not both
// sides closed.
func (c *Conn) Pending() bool {
	return c.ID.Proto == ProtoTCP && !c.quiet && !(c.Orig.didClose && c.Resp.didClose)
}

// AddLimitHistory adds the 'X' letter once: an analyser reached one of
// its limits (Reporter::limit_reached_weird).
func (c *Conn) AddLimitHistory() {
	if !c.histLimit {
		c.histLimit = true
		c.addHistory('X')
	}
}

// SetSkip is skip_further_processing(): later packets of the connection
// are ignored (not counted, no history, no timer refresh).
func (c *Conn) SetSkip(skip bool) { c.skip = skip }

// Skipped reports whether skip_further_processing was called.
func (c *Conn) Skipped() bool { return c.skip }

func (c *Conn) checkHistory(mask uint32, code byte) bool {
	if c.histSeen&mask == 0 {
		c.histSeen |= mask
		c.addHistory(code)
		return false
	}
	return true
}

// Duration is last packet time minus start time.
func (c *Conn) Duration() time.Duration { return c.Last().Sub(c.Start()) }

var rstos0 = regexp.MustCompile(`^\^?S[^HAFGIQ]*R.*$`)

// ConnState derives conn.log's conn_state from the endpoint states, as
// base/protocols/conn/main.zeek's conn_state() does.
func (c *Conn) ConnState() string {
	os, rs := c.Orig.State, c.Resp.State
	switch c.ID.Proto {
	case ProtoTCP:
		oInactive := os == TCPInactive || os == TCPPartial
		rInactive := rs == TCPInactive || rs == TCPPartial
		switch {
		case rs == TCPReset:
			if os == TCPSynSent || os == TCPSynAckSent || (os == TCPReset && c.Orig.Size() == 0 && c.Resp.Size() == 0) {
				return "REJ"
			} else if oInactive {
				return "RSTRH"
			}
			return "RSTR"
		case os == TCPReset:
			if rInactive {
				if rstos0.MatchString(c.hist) {
					return "RSTOS0"
				}
				return "OTH"
			}
			return "RSTO"
		case rs == TCPClosed && os == TCPClosed:
			return "SF"
		case os == TCPClosed:
			if rInactive {
				return "SH"
			}
			return "S2"
		case rs == TCPClosed:
			if oInactive {
				return "SHR"
			}
			return "S3"
		case os == TCPSynSent && rs == TCPInactive:
			return "S0"
		case os == TCPEstablished && rs == TCPEstablished:
			return "S1"
		}
		return "OTH"
	case ProtoUDP:
		if os == UDPActive {
			if rs == UDPActive {
				return "SF"
			}
			return "S0"
		}
		if rs == UDPActive {
			return "SHR"
		}
		return "OTH"
	}
	return "OTH"
}

// flipRoles swaps originator and responder (Connection::FlipRoles).
func (c *Conn) flipRoles() {
	c.ID.OrigH, c.ID.RespH = c.ID.RespH, c.ID.OrigH
	c.ID.OrigP, c.ID.RespP = c.ID.RespP, c.ID.OrigP
	c.Orig, c.Resp = c.Resp, c.Orig
	c.Orig.isOrig, c.Resp.isOrig = true, false
	c.firstSeen = (c.firstSeen&1)<<1 | (c.firstSeen&2)>>1
	c.isPartial = false
	c.addHistory('^')
	c.t.note(NoteFlipped, true, 0, 0)
}

// addHistory appends a letter to the history. The letters live in an
// append-only buffer that hist views without copying: bytes below its
// length are never written again (a full buffer is copied to one twice
// its size), so every history string handed out stays immutable, and a
// connection's history costs one small allocation instead of one per
// letter. Buffers hold minHist bytes, then powers of two, so the length
// alone tells whether the buffer is full: no capacity is kept.
func (c *Conn) addHistory(code byte) {
	n := len(c.hist)
	var buf []byte
	if n == 0 || n >= minHist && n&(n-1) == 0 {
		buf = make([]byte, n+1, max(minHist, 2*n))
		copy(buf, c.hist)
	} else {
		// The buffer, a []byte, has room past the string's end.
		buf = unsafe.Slice(unsafe.StringData(c.hist), n+1)
	}
	buf[n] = code
	c.hist = unsafe.String(&buf[0], n+1)
}

// minHist is the size of a history's first buffer: most histories fit.
const minHist = 16

func seqDelta(a, b uint32) int32 { return int32(a - b) }
