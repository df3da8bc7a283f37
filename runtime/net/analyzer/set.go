package analyzer

import (
	gnet "github.com/gobro/gobro/runtime/net"
	"github.com/gobro/gobro/runtime/net/flow"
	"github.com/gobro/gobro/runtime/net/reassembly"
)

// Set is the analysis of one connection: its running analysers, the
// detection buffer while signatures may still match, and for TCP the two
// reassembled streams.
type Set struct {
	m       *Manager
	conn    *flow.Conn
	running []*Context
	// pending is the analyser a TCP connection's responder port starts,
	// made with the id pendingID when the connection first needs it
	// (wake): most TCP connections carry no data, and one that ends
	// without any makes it only to end it (HTTP's http_stats).
	pending   *Spec
	pendingID uint64
	// watch is what detection watches until the first delivery (data
	// or gap) makes pia; both are nil once detection is over, or if it
	// never began.
	watch *watchList
	pia   *pia
	// A TCP connection's two directions are indexed by endpoint, not by
	// orig/resp, because the tracker may still flip the roles after
	// they started: direction 0 is that of the endpoint that sent the
	// first packet. Most TCP connections carry no data (scans, refused
	// or idle sessions), so the first packet makes only quiet, what the
	// streams would have been told; the first segment that quiet cannot
	// describe (payload, an ack leaving a gap) turns it into streams.
	quiet   *quiet
	streams *streams
	eof     [2]bool // EndOfData was passed on for that direction
	tcp     bool
	closed  bool
	flags   uint8 // the TCP flags of the packet being fed
}

// quiet is the state of both TCP streams while neither has data
// delivered, held, acknowledged or gapped: then a stream is only
// whether and at which sequence number it started and whether a FIN
// sits right at that number (a FIN further on would need a gap).
type quiet struct {
	first        *flow.Endpoint
	isn          [2]uint32
	started, fin [2]bool
}

// streams are a TCP connection's reassembled directions.
type streams struct {
	first *flow.Endpoint
	dirs  [2]direction
}

// direction is one TCP endpoint's stream (see Set.quiet).
type direction struct {
	set    *Set
	stream reassembly.Stream
}

func (d *direction) isOrig() bool {
	s := d.set
	if d == &s.streams.dirs[0] {
		return s.isOrig(0)
	}
	return s.isOrig(1)
}
func (d *direction) Data(_ uint64, b []byte) { d.set.deliver(d.isOrig(), b) }
func (d *direction) Gap(_ uint64, n uint64)  { d.set.gap(d.isOrig(), n) }

// checkingDirection is a direction whose stream also reports
// retransmissions that disagree with the bytes delivered first (the
// stream keeps history only for sinks that ask).
type checkingDirection struct{ *direction }

func (d checkingDirection) InconsistentData(_ uint64, old, new []byte) {
	s := d.set
	s.m.host.Inconsistent(s.conn, old, new, s.flags)
}

// Running returns the analysers attached now.
func (s *Set) Running() []*Context {
	s.wake()
	return s.running
}

func (s *Set) start(spec *Spec) *Context {
	s.wake() // the port's analyser keeps its place before this one
	s.m.nextID++
	return s.startAs(spec, s.m.nextID)
}

func (s *Set) startAs(spec *Spec, id uint64) *Context {
	x := &Context{Spec: spec, ID: id, Conn: s.conn, set: s}
	x.a = spec.New(x)
	s.running = append(s.running, x)
	return x
}

// wake makes the pending analyser, before anything that uses the
// running ones.
func (s *Set) wake() {
	if spec := s.pending; spec != nil {
		s.pending = nil
		s.startAs(spec, s.pendingID)
	}
}

func (s *Set) has(spec *Spec) bool {
	for _, x := range s.running {
		if x.Spec == spec {
			return true
		}
	}
	return false
}

// Remove detaches the analyser with instance id (disable_analyzer). It
// reports whether it was attached. The running list is rebuilt rather
// than edited in place because a delivery may be iterating over it.
func (s *Set) Remove(id uint64) bool {
	s.wake()
	for i, x := range s.running {
		if x.ID != id {
			continue
		}
		rest := make([]*Context, 0, len(s.running)-1)
		rest = append(rest, s.running[:i]...)
		s.running = append(rest, s.running[i+1:]...)
		x.removed = true
		x.a.Done()
		return true
	}
	return false
}

// Packet hands over one packet of the connection whose transport
// checksum was accepted: a UDP datagram goes to the analysers as it is, a
// TCP segment into its direction's stream (see the reassembly package
// for the feeding rules this follows).
func (s *Set) Packet(p *gnet.Packet, isOrig bool) {
	if s.closed || len(s.running) == 0 && s.pending == nil && s.watch == nil && s.pia == nil {
		return // nothing can want the bytes any more
	}
	payload := transportPayload(p)
	if !s.tcp {
		s.deliver(isOrig, payload)
		return
	}
	f := p.TCPFlags
	s.flags = f
	ep := s.conn.Resp
	if isOrig {
		ep = s.conn.Orig
	}
	if s.streams == nil && !s.quietly(ep, p, payload) {
		s.makeStreams(ep)
	}
	i := s.index(ep)
	if st := s.streams; st != nil {
		me, peer := &st.dirs[i].stream, &st.dirs[1-i].stream
		if f&gnet.TCPAck != 0 && f&gnet.TCPRst == 0 {
			peer.Ack(p.Ack) // before this segment's own data
		}
		switch {
		case f&gnet.TCPRst != 0:
		case f&gnet.TCPSyn != 0:
			me.SYN(p.Seq, payload)
		default:
			me.Segment(p.Seq, payload)
		}
		if f&gnet.TCPFin != 0 {
			me.Fin(finSeq(p, payload))
		}
	}
	s.checkEOF(i)
	s.checkEOF(1 - i)
}

// finSeq is the sequence number a FIN segment's FIN occupies.
func finSeq(p *gnet.Packet, payload []byte) uint32 {
	n := uint32(len(payload))
	if p.TCPFlags&gnet.TCPSyn != 0 {
		n++
	}
	return p.Seq + n
}

// transportPayload is the packet's payload without link-layer padding:
// cut to what the IP length leaves after the transport header.
func transportPayload(p *gnet.Packet) []byte {
	hdr := 8 // UDP
	if p.Proto == gnet.ProtoTCP {
		hdr = p.TCPHdrLen
	}
	n := p.IPLen - p.IPHdrLen - hdr
	if n < 0 {
		n = 0
	}
	if n < len(p.Payload) {
		return p.Payload[:n]
	}
	return p.Payload
}

// quietly feeds the segment from ep to quiet, making quiet with the
// first packet, as Packet feeds it to the streams. It reports false,
// changing nothing, when quiet could not describe the streams after it.
func (s *Set) quietly(ep *flow.Endpoint, p *gnet.Packet, payload []byte) bool {
	f := p.TCPFlags
	if len(payload) > 0 && f&gnet.TCPRst == 0 {
		return false
	}
	q := quiet{first: ep}
	if s.quiet != nil {
		q = *s.quiet
	}
	i := 0
	if ep != q.first {
		i = 1
	}
	if f&gnet.TCPAck != 0 && f&gnet.TCPRst == 0 && !q.ack(1-i, p.Ack) {
		return false
	}
	switch {
	case f&gnet.TCPRst != 0:
	case f&gnet.TCPSyn != 0:
		q.syn(i, p.Seq+1)
	default:
		q.start(i, p.Seq)
	}
	if f&gnet.TCPFin != 0 && !q.finAt(i, finSeq(p, payload)) {
		return false
	}
	if s.quiet == nil {
		s.quiet = new(quiet)
	}
	*s.quiet = q
	return true
}

// The quiet methods follow what a reassembly.Stream does with a segment
// without payload, an ack and a FIN while nothing was delivered, held,
// acknowledged or gapped.

// start starts stream i at isn unless it started already.
func (q *quiet) start(i int, isn uint32) {
	if !q.started[i] {
		q.isn[i], q.started[i] = isn, true
	}
}

// syn re-bases stream i at isn (SYN's seq+1), which a stream without
// data refuses only once it saw a FIN.
func (q *quiet) syn(i int, isn uint32) {
	if !q.started[i] || !q.fin[i] {
		q.isn[i], q.started[i] = isn, true
	}
}

// ack reports whether stream i stays quiet when the peer acknowledges
// ack: an ack beyond the ISN, unless clamped to a FIN there, is a gap.
func (q *quiet) ack(i int, ack uint32) bool {
	if !q.started[i] {
		q.start(i, ack)
		return true
	}
	return q.fin[i] || int32(ack-q.isn[i]) <= 0
}

// finAt reports whether stream i stays quiet with its FIN at seq: a FIN
// before the ISN is ignored, one beyond it leaves bytes to gap.
func (q *quiet) finAt(i int, seq uint32) bool {
	q.start(i, seq)
	switch rel := int32(seq - q.isn[i]); {
	case rel < 0:
	case rel == 0:
		q.fin[i] = true
	default:
		return false
	}
	return true
}

// makeStreams makes both streams in one allocation and replays quiet
// into them, so they are as if they had been fed from the first packet;
// ep sent the packet that needs them.
func (s *Set) makeStreams(ep *flow.Endpoint) {
	q := s.quiet
	st := &streams{first: ep}
	if q != nil {
		st.first = q.first
	}
	for i := range st.dirs {
		d := &st.dirs[i]
		d.set = s
		var sink reassembly.Sink = d
		if s.m.cfg.Inconsistencies {
			sink = checkingDirection{d}
		}
		d.stream.Reset(sink, reassembly.Config{})
		if q != nil && q.started[i] {
			d.stream.Init(q.isn[i])
			if q.fin[i] {
				d.stream.Fin(q.isn[i])
			}
		}
	}
	s.streams, s.quiet = st, nil
}

// first is the endpoint of TCP direction 0.
func (s *Set) first() *flow.Endpoint {
	if s.streams != nil {
		return s.streams.first
	}
	return s.quiet.first
}

// index is the TCP direction of endpoint ep.
func (s *Set) index(ep *flow.Endpoint) int {
	if ep == s.first() {
		return 0
	}
	return 1
}

// isOrig tells whether TCP direction i is the originator's now.
func (s *Set) isOrig(i int) bool { return (i == 0) == (s.first() == s.conn.Orig) }

// checkEOF passes on the end of direction i once its stream reached its
// FIN (a quiet stream reaches a FIN at its ISN at once).
func (s *Set) checkEOF(i int) {
	if s.eof[i] {
		return
	}
	if st := s.streams; st != nil && st.dirs[i].stream.EOF() || st == nil && s.quiet.fin[i] {
		s.endOfData(i)
	}
}

func (s *Set) endOfData(i int) {
	s.eof[i] = true
	s.wake()
	for _, x := range s.running {
		if !x.removed {
			x.a.EndOfData(s.isOrig(i))
		}
	}
}

// deliver passes payload to the running analysers, then lets the
// detection buffer start the analysers whose signatures now match; those
// first receive everything buffered (which includes this payload).
func (s *Set) deliver(isOrig bool, data []byte) {
	s.wake()
	for _, x := range s.running {
		if !x.removed {
			x.a.Deliver(isOrig, data)
		}
	}
	if len(data) == 0 || s.detection() == nil {
		return
	}
	for _, spec := range s.pia.add(isOrig, data) {
		if s.has(spec) {
			continue
		}
		x := s.start(spec)
		s.pia.replay(x)
	}
	if s.pia.full(s.m.cfg.BufferSize) {
		s.pia = nil
	}
}

func (s *Set) gap(isOrig bool, n uint64) {
	s.wake()
	for _, x := range s.running {
		if !x.removed {
			x.a.Gap(isOrig, n)
		}
	}
	if p := s.detection(); p != nil {
		p.gap(isOrig, n)
	}
}

// detection returns the detection buffer, making it on first use; nil
// when detection is over or was never wanted.
func (s *Set) detection() *pia {
	if s.pia == nil && s.watch != nil {
		s.pia = newPIA(s.watch, !s.tcp)
		s.watch = nil
	}
	return s.pia
}

// Close ends the analysis when the connection is removed: held stream
// data is flushed, each TCP direction ends, and every analyser is done.
func (s *Set) Close() {
	if s.closed {
		return
	}
	s.wake()
	if st := s.streams; st != nil {
		for i := range st.dirs {
			st.dirs[i].stream.Close()
		}
	}
	if s.streams != nil || s.quiet != nil {
		for i := range s.eof {
			if !s.eof[i] {
				s.endOfData(i)
			}
		}
	}
	s.closed = true
	for _, x := range s.running {
		if !x.removed {
			x.removed = true
			x.a.Done()
		}
	}
	s.running, s.watch, s.pia = nil, nil, nil
}
