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
	// watch is what detection watches until the first delivery (data
	// or gap) makes pia; both are nil once detection is over, or if it
	// never began.
	watch *watchList
	pia   *pia
	// dirs are the TCP streams, made with the first packet: dirs[0] is
	// the stream of first, the endpoint that sent it, dirs[1] the
	// other's. They go by endpoint, not by orig/resp, because the
	// tracker may still flip the roles after the streams have started.
	dirs   *[2]direction
	first  *flow.Endpoint
	tcp    bool
	closed bool
	flags  uint8 // the TCP flags of the packet being fed
}

// direction is one TCP endpoint's stream (see Set.dirs).
type direction struct {
	set    *Set
	stream reassembly.Stream
	eof    bool // EndOfData was passed on
}

func (d *direction) isOrig() bool {
	s := d.set
	return (d == &s.dirs[0]) == (s.first == s.conn.Orig)
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
func (s *Set) Running() []*Context { return s.running }

func (s *Set) start(spec *Spec) *Context {
	s.m.nextID++
	x := &Context{Spec: spec, ID: s.m.nextID, Conn: s.conn, set: s}
	x.a = spec.New(x)
	s.running = append(s.running, x)
	return x
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
	if s.closed || len(s.running) == 0 && s.watch == nil && s.pia == nil {
		return // nothing can want the bytes any more
	}
	payload := transportPayload(p)
	if !s.tcp {
		s.deliver(isOrig, payload)
		return
	}
	me, peer := s.direction(isOrig), s.direction(!isOrig)
	f := p.TCPFlags
	s.flags = f
	if f&gnet.TCPAck != 0 && f&gnet.TCPRst == 0 {
		peer.stream.Ack(p.Ack) // before this segment's own data
	}
	switch {
	case f&gnet.TCPRst != 0:
	case f&gnet.TCPSyn != 0:
		me.stream.SYN(p.Seq, payload)
	default:
		me.stream.Segment(p.Seq, payload)
	}
	if f&gnet.TCPFin != 0 {
		n := uint32(len(payload))
		if f&gnet.TCPSyn != 0 {
			n++
		}
		me.stream.Fin(p.Seq + n)
	}
	s.checkEOF(me)
	s.checkEOF(peer)
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

// direction returns the stream of the endpoint sending when isOrig says
// so. The first call makes both, in one allocation.
func (s *Set) direction(isOrig bool) *direction {
	ep := s.conn.Resp
	if isOrig {
		ep = s.conn.Orig
	}
	if s.dirs == nil {
		s.dirs, s.first = &[2]direction{{set: s}, {set: s}}, ep
		for i := range s.dirs {
			d := &s.dirs[i]
			var sink reassembly.Sink = d
			if s.m.cfg.Inconsistencies {
				sink = checkingDirection{d}
			}
			d.stream.Reset(sink, reassembly.Config{})
		}
	}
	if ep == s.first {
		return &s.dirs[0]
	}
	return &s.dirs[1]
}

func (s *Set) checkEOF(d *direction) {
	if !d.eof && d.stream.EOF() {
		d.eof = true
		for _, x := range s.running {
			if !x.removed {
				x.a.EndOfData(d.isOrig())
			}
		}
	}
}

// deliver passes payload to the running analysers, then lets the
// detection buffer start the analysers whose signatures now match; those
// first receive everything buffered (which includes this payload).
func (s *Set) deliver(isOrig bool, data []byte) {
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
	if s.dirs != nil {
		for i := range s.dirs {
			s.dirs[i].stream.Close()
		}
		for i := range s.dirs {
			if d := &s.dirs[i]; !d.eof {
				d.eof = true
				for _, x := range s.running {
					if !x.removed {
						x.a.EndOfData(d.isOrig())
					}
				}
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
