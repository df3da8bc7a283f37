package reassembly

import (
	"bytes"
	"sort"
)

// Sink receives one direction's stream.
type Sink interface {
	// Data delivers in-order bytes; seq is the relative offset of data[0]
	// (0 = first byte after the SYN). data is only valid during the call
	// and is never empty.
	Data(seq uint64, data []byte)
	// Gap reports that the n > 0 bytes at seq will never be delivered
	// (Zeek's content_gap).
	Gap(seq uint64, n uint64)
}

// InconsistencySink is implemented by sinks that want to hear about
// retransmitted bytes that differ from the copy seen first (Zeek's
// rexmit_inconsistency). The stream checks for it with a type assertion
// in New; sinks without it get no history kept and no comparisons made.
type InconsistencySink interface {
	// Inconsistent reports that the n bytes at seq arrived again with
	// different contents. The first copy is the one delivered.
	Inconsistent(seq uint64, n uint64)
}

// InconsistencyDataSink is the variant of InconsistencySink that also
// receives both copies, as Zeek's rexmit_inconsistency event carries them
// (t1 = old, t2 = new). Both slices are only valid during the call. When a
// sink implements it, InconsistentData is called instead of Inconsistent.
type InconsistencyDataSink interface {
	InconsistentData(seq uint64, old, new []byte)
}

// OverflowReason says which limit forced a gap.
type OverflowReason uint8

const (
	// ExcessiveData: more than Config.MaxBuffered bytes held out of order
	// (Zeek's weird excessive_data_without_further_acks).
	ExcessiveData OverflowReason = iota
	// AboveHoleWithoutAcks: the peer has acknowledged nothing yet and data
	// extends more than Config.MaxAboveHoleWithoutAcks bytes above the
	// hole (Zeek's weird above_hole_data_without_any_acks).
	AboveHoleWithoutAcks
	// TooManySegments: more than Config.MaxSegments pieces held.
	TooManySegments
)

// String returns the Zeek weird name for the reason (TooManySegments has
// none in Zeek and gets a gobro one).
func (r OverflowReason) String() string {
	switch r {
	case ExcessiveData:
		return "excessive_data_without_further_acks"
	case AboveHoleWithoutAcks:
		return "above_hole_data_without_any_acks"
	case TooManySegments:
		return "too_many_out_of_order_segments"
	}
	return "unknown_overflow"
}

// OverflowSink is implemented by sinks that want to know that the next Gap
// was forced by a buffer limit rather than by an acknowledgement (so the
// engine can raise the matching weird and, like Zeek, not count it as
// acknowledged-but-missed bytes if it wishes).
type OverflowSink interface {
	// Overflow is called right before Gap(seq, n).
	Overflow(seq uint64, n uint64, why OverflowReason)
}

// Defaults applied for zero Config fields.
const (
	// DefaultMaxBuffered is Zeek's tcp_excessive_data_without_further_acks.
	DefaultMaxBuffered = 10 << 20
	// DefaultMaxAboveHoleWithoutAcks is Zeek's
	// tcp_max_above_hole_without_any_acks (and tcp_max_initial_window).
	DefaultMaxAboveHoleWithoutAcks = 16384
	// DefaultMaxSegments bounds the number of held pieces: at a typical
	// 1448-byte MSS it allows ~6 MB of reordered data, while keeping the
	// worst-case insertion (a slice shift) around 128 KiB of memmove.
	DefaultMaxSegments = 4096
	// DefaultHistory is how many delivered, unacknowledged bytes are kept
	// to compare retransmissions against.
	DefaultHistory = 16 << 10
)

// Config sets a Stream's limits. Zero fields take the defaults above; a
// negative field disables that limit (or, for History, the history).
type Config struct {
	// MaxBuffered bounds the bytes held out of order (above a hole).
	// Exceeding it reports the lowest hole as a gap and delivers what
	// follows, repeatedly, until back within the limit. Mirrors Zeek's
	// tcp_excessive_data_without_further_acks (see the package doc for how
	// the reaction differs).
	MaxBuffered int
	// MaxAboveHoleWithoutAcks bounds how far (in sequence space) held data
	// may extend above the delivery point while the peer has acknowledged
	// no data at all, i.e. when we are presumably not seeing its acks.
	// Mirrors tcp_max_above_hole_without_any_acks.
	MaxAboveHoleWithoutAcks int
	// MaxSegments bounds the number of separately held pieces.
	MaxSegments int
	// History is how many of the most recently delivered bytes (not yet
	// acknowledged) are kept to detect inconsistent retransmissions. Only
	// used when the sink implements an inconsistency interface.
	History int
}

// block is a held out-of-order piece; data is owned by the stream.
type block struct {
	seq  uint64
	data []byte
}

func (b *block) end() uint64 { return b.seq + uint64(len(b.data)) }

// maxFree bounds how many delivered block buffers are kept for reuse.
const maxFree = 64

// Stream reassembles one direction of a TCP connection. It is not safe for
// concurrent use.
type Stream struct {
	sink    Sink
	incSink InconsistencySink
	incData InconsistencyDataSink
	ovf     OverflowSink
	check   bool // the sink wants inconsistencies

	maxBuffered int    // <0: unlimited
	maxNoAck    uint64 // 0: disabled
	maxSegs     int    // <0: unlimited
	histMax     int    // 0: no history

	isn     uint32
	started bool
	closed  bool
	busy    bool // inside a sink callback: reentrant calls are ignored

	next   uint64 // next offset to deliver; everything below is delivered or gapped
	acked  uint64 // highest acknowledged offset (0: nothing acknowledged)
	fin    uint64
	hasFin bool

	blocks   []block // sorted, disjoint, all above next
	buffered int     // sum of len(blocks[i].data)

	free      [][]byte // delivered block buffers kept for reuse
	freeBytes int

	// hist[histLo:] are the delivered bytes just below next.
	hist   []byte
	histLo int
}

// discard is the sink used when New is given none.
type discard struct{}

func (discard) Data(uint64, []byte) {}
func (discard) Gap(uint64, uint64)  {}

// New returns a stream that delivers to sink.
func New(sink Sink, cfg Config) *Stream {
	if sink == nil {
		sink = discard{}
	}
	s := &Stream{sink: sink}
	s.incSink, _ = sink.(InconsistencySink)
	s.incData, _ = sink.(InconsistencyDataSink)
	s.ovf, _ = sink.(OverflowSink)
	s.check = s.incSink != nil || s.incData != nil

	s.maxBuffered = pick(cfg.MaxBuffered, DefaultMaxBuffered, -1)
	s.maxNoAck = uint64(pick(cfg.MaxAboveHoleWithoutAcks, DefaultMaxAboveHoleWithoutAcks, 0))
	s.maxSegs = pick(cfg.MaxSegments, DefaultMaxSegments, -1)
	if s.check {
		s.histMax = pick(cfg.History, DefaultHistory, 0)
	}
	return s
}

func pick(v, def, off int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return off
	}
	return v
}

// Init sets the initial sequence number: the SYN's seq+1, or for a
// partial connection the first sequence number seen (Zeek's convention).
// Calling it again with another value re-bases the stream only while
// nothing has been delivered, buffered, acknowledged or FIN'ed; later a new
// ISN means a new connection, which the tracker handles, so it is ignored.
func (s *Stream) Init(isn uint32) {
	if s.closed || s.busy {
		return
	}
	s.init(isn)
}

func (s *Stream) init(isn uint32) bool {
	switch {
	case !s.started:
		s.isn, s.started = isn, true
	case isn == s.isn:
	case s.next == 0 && len(s.blocks) == 0 && s.acked == 0 && !s.hasFin:
		s.isn = isn
	default:
		return false
	}
	return true
}

// SYN handles a SYN or SYN-ACK segment with sequence number seq: the ISN
// becomes seq+1 and any payload (TCP Fast Open) is data from offset 0. A
// retransmitted SYN is thus a retransmission of that data.
func (s *Stream) SYN(seq uint32, payload []byte) {
	if s.closed || s.busy || !s.init(seq+1) {
		return
	}
	s.Segment(seq+1, payload)
}

// unwrap maps a 32-bit sequence number to a relative offset, choosing the
// one nearest to the delivery point; negative means before the ISN.
func (s *Stream) unwrap(seq uint32) int64 {
	return int64(s.next) + int64(int32(seq-(s.isn+uint32(s.next))))
}

// Segment adds a segment's payload at absolute TCP sequence number seq (the
// sequence number of payload[0]; for a SYN use SYN). A segment before Init
// starts the stream at seq, as for a partial connection. payload is not
// retained: what must be held is copied.
func (s *Stream) Segment(seq uint32, payload []byte) {
	if s.closed || s.busy {
		return
	}
	if !s.started {
		s.init(seq)
	}
	if len(payload) == 0 {
		return
	}
	rel := s.unwrap(seq)
	end := rel + int64(len(payload))
	if end <= 0 {
		return // entirely before the ISN
	}
	if rel < 0 {
		payload = payload[-rel:]
		rel = 0
	}
	r := uint64(rel)
	// Acknowledged data is settled: Zeek drops it before any comparison,
	// which is also what keeps keep-alive probes quiet.
	if uint64(end) <= s.acked {
		return
	}
	if r < s.acked {
		payload = payload[s.acked-r:]
		r = s.acked
	}
	s.busy = true
	if r < s.next {
		if len(payload) == 1 && r+1 == s.next {
			// Keep-alive probe: one (garbage) byte just below the
			// next expected sequence number.
			s.busy = false
			return
		}
		n := s.next - r
		if n > uint64(len(payload)) {
			n = uint64(len(payload))
		}
		if s.histMax > 0 {
			s.compareHistory(r, payload[:n])
		}
		payload = payload[n:]
		r += n
	}
	if len(payload) > 0 && r == s.next {
		// In order: hand the caller's bytes over directly, up to the
		// first held piece (which wins where they overlap).
		n := uint64(len(payload))
		if len(s.blocks) > 0 && s.blocks[0].seq-r < n {
			n = s.blocks[0].seq - r
		}
		s.deliver(payload[:n])
		payload = payload[n:]
		r += n
	}
	if len(payload) > 0 {
		s.insert(r, payload)
		s.drain()
		s.enforce()
	} else {
		s.drain() // the in-order bytes may have reached held data
	}
	s.busy = false
}

// Ack tells the stream the peer acknowledged everything below ack. Holes
// below it are reported as gaps and the data above them delivered. An ack
// before Init starts the stream at ack (Zeek initialises an unseen endpoint
// from its peer's ack). Acks in RST segments should not be passed (Zeek
// does not trust them).
func (s *Stream) Ack(ack uint32) {
	if s.closed || s.busy {
		return
	}
	if !s.started {
		s.init(ack)
		return
	}
	rel := s.unwrap(ack)
	if rel <= 0 {
		return // nothing acknowledged, or ack underflow
	}
	u := uint64(rel)
	if s.hasFin && u > s.fin {
		u = s.fin // the FIN's own sequence number is not data
	}
	if u <= s.acked {
		return
	}
	s.busy = true
	s.acked = u
	s.trimHistory()
	for s.next < u {
		if len(s.blocks) == 0 || s.blocks[0].seq >= u {
			s.gap(u - s.next)
		} else {
			s.gap(s.blocks[0].seq - s.next)
		}
		s.drain()
	}
	s.busy = false
}

// Fin records that the sender's FIN occupies sequence number seq (the FIN
// segment's seq plus its payload length, plus one if it is also a SYN).
// Acks beyond it are clamped to it. The latest FIN wins, as in Zeek.
func (s *Stream) Fin(seq uint32) {
	if s.closed || s.busy {
		return
	}
	if !s.started {
		s.init(seq)
	}
	if rel := s.unwrap(seq); rel >= 0 {
		s.fin, s.hasFin = uint64(rel), true
	}
}

// Close flushes at the end of the connection: holes below held data are
// reported as gaps and all held data delivered. Later calls are ignored.
func (s *Stream) Close() {
	if s.closed || s.busy {
		return
	}
	s.busy = true
	for len(s.blocks) > 0 {
		s.gap(s.blocks[0].seq - s.next)
		s.drain()
	}
	s.busy = false
	s.closed = true
	s.blocks, s.free, s.freeBytes, s.hist, s.histLo = nil, nil, 0, nil, 0
}

// Delivered returns the next expected relative offset: every byte below it
// has been delivered or reported as a gap.
func (s *Stream) Delivered() uint64 { return s.next }

// EOF reports whether a FIN was recorded and every byte before it has been
// delivered or reported as a gap: the point at which Zeek signals the end
// of the endpoint's data to its analysers (EndpointEOF).
func (s *Stream) EOF() bool { return s.hasFin && s.next >= s.fin }

// Buffered returns the number of bytes currently held out of order.
func (s *Stream) Buffered() int { return s.buffered }

// deliver hands in-order bytes to the sink and remembers them for
// retransmission checks.
func (s *Stream) deliver(p []byte) {
	if s.histMax > 0 {
		s.appendHistory(p)
	}
	s.sink.Data(s.next, p)
	s.next += uint64(len(p))
}

// gap reports n > 0 missing bytes at the delivery point and moves past
// them. History must stay contiguous with next, so it is dropped.
func (s *Stream) gap(n uint64) {
	if n == 0 {
		return
	}
	s.sink.Gap(s.next, n)
	s.next += n
	s.hist, s.histLo = s.hist[:0], 0
}

// drain delivers the held pieces that now start at the delivery point.
func (s *Stream) drain() {
	k := 0
	for k < len(s.blocks) && s.blocks[k].seq == s.next {
		b := s.blocks[k].data
		s.buffered -= len(b)
		s.deliver(b)
		s.release(b)
		k++
	}
	if k > 0 {
		n := copy(s.blocks, s.blocks[k:])
		clear(s.blocks[n:])
		s.blocks = s.blocks[:n]
	}
}

// insert holds p (at offset r > next) in the holes between held pieces;
// where it overlaps a held piece, the held bytes win and differences are
// reported.
func (s *Stream) insert(r uint64, p []byte) {
	i := sort.Search(len(s.blocks), func(i int) bool { return s.blocks[i].end() > r })
	for len(p) > 0 {
		if i == len(s.blocks) || r+uint64(len(p)) <= s.blocks[i].seq {
			s.addBlock(i, r, p)
			return
		}
		if b := s.blocks[i].seq; r < b {
			n := b - r
			s.addBlock(i, r, p[:n])
			i++
			p, r = p[n:], b
		}
		b := &s.blocks[i]
		n := b.end() - r
		if n > uint64(len(p)) {
			n = uint64(len(p))
		}
		if s.check {
			off := r - b.seq
			if old := b.data[off : off+n]; !bytes.Equal(old, p[:n]) {
				s.report(r, old, p[:n])
			}
		}
		p, r = p[n:], r+n
		i++
	}
}

func (s *Stream) addBlock(i int, seq uint64, p []byte) {
	buf := s.alloc(len(p))
	copy(buf, p)
	s.blocks = append(s.blocks, block{})
	copy(s.blocks[i+1:], s.blocks[i:])
	s.blocks[i] = block{seq: seq, data: buf}
	s.buffered += len(p)
}

// enforce applies the buffer limits after an insertion: while one is
// exceeded, the lowest hole becomes a gap and what follows is delivered.
func (s *Stream) enforce() {
	for len(s.blocks) > 0 {
		var why OverflowReason
		switch {
		case s.maxBuffered >= 0 && s.buffered > s.maxBuffered:
			why = ExcessiveData
		case s.maxNoAck > 0 && s.acked == 0 && s.blocks[len(s.blocks)-1].end()-s.next > s.maxNoAck:
			why = AboveHoleWithoutAcks
		case s.maxSegs >= 0 && len(s.blocks) > s.maxSegs:
			why = TooManySegments
		default:
			return
		}
		n := s.blocks[0].seq - s.next
		if s.ovf != nil {
			s.ovf.Overflow(s.next, n, why)
		}
		s.gap(n)
		s.drain()
	}
}

func (s *Stream) report(seq uint64, old, new []byte) {
	if s.incData != nil {
		s.incData.InconsistentData(seq, old, new)
	} else if s.incSink != nil {
		s.incSink.Inconsistent(seq, uint64(len(old)))
	}
}

// alloc returns an n-byte buffer, reusing a recycled one if it fits. When
// none fits the recycled ones are dropped, so that held plus recycled
// memory never exceeds MaxBuffered by more than the new segment.
func (s *Stream) alloc(n int) []byte {
	for i := len(s.free) - 1; i >= 0; i-- {
		if b := s.free[i]; cap(b) >= n {
			last := len(s.free) - 1
			s.free[i] = s.free[last]
			s.free[last] = nil
			s.free = s.free[:last]
			s.freeBytes -= cap(b)
			return b[:n]
		}
	}
	clear(s.free)
	s.free, s.freeBytes = s.free[:0], 0
	return make([]byte, n)
}

// release keeps a delivered block buffer for reuse if the memory budget
// allows; out-of-order traffic then runs without allocating.
func (s *Stream) release(b []byte) {
	c := cap(b)
	if len(s.free) >= maxFree || (s.maxBuffered >= 0 && s.buffered+s.freeBytes+c > s.maxBuffered) {
		return
	}
	s.free = append(s.free, b[:0])
	s.freeBytes += c
}

// appendHistory records delivered bytes, keeping the last histMax. The
// buffer grows lazily up to 2×histMax; once full, the live tail is slid to
// the front, which costs at most one extra copy per byte appended.
func (s *Stream) appendHistory(p []byte) {
	h := s.histMax
	if len(p) >= h {
		p = p[len(p)-h:]
		s.hist, s.histLo = s.hist[:0], 0
	}
	if len(s.hist)+len(p) > cap(s.hist) {
		live := s.hist[s.histLo:]
		if keep := h - len(p); len(live) > keep {
			live = live[len(live)-keep:]
		}
		c := cap(s.hist)
		if c < 2*h {
			c = max(2*c, len(live)+len(p), 1024)
			c = min(c, 2*h)
		}
		if c != cap(s.hist) {
			nb := make([]byte, len(live), c)
			copy(nb, live)
			s.hist = nb
		} else {
			n := copy(s.hist[:cap(s.hist)], live)
			s.hist = s.hist[:n]
		}
		s.histLo = 0
	}
	s.hist = append(s.hist, p...)
	if l := len(s.hist) - s.histLo; l > h {
		s.histLo += l - h
	}
}

// trimHistory forgets acknowledged bytes: they are never compared again.
func (s *Stream) trimHistory() {
	live := uint64(len(s.hist) - s.histLo)
	start := s.next - live
	if s.acked <= start {
		return
	}
	if d := s.acked - start; d >= live {
		s.hist, s.histLo = s.hist[:0], 0
	} else {
		s.histLo += int(d)
	}
}

// compareHistory checks a retransmission p at offset r (r+len(p) <= next)
// against the delivered bytes still remembered.
func (s *Stream) compareHistory(r uint64, p []byte) {
	live := s.hist[s.histLo:]
	start := s.next - uint64(len(live))
	end := r + uint64(len(p))
	lo := max(r, start)
	if lo >= end {
		return
	}
	old := live[lo-start : end-start]
	if nw := p[lo-r:]; !bytes.Equal(old, nw) {
		s.report(lo, old, nw)
	}
}

// checkInvariants is used by the tests and the fuzzer.
func (s *Stream) checkInvariants() string {
	sum := 0
	for i := range s.blocks {
		b := &s.blocks[i]
		if len(b.data) == 0 {
			return "empty block"
		}
		if b.seq <= s.next {
			return "block at or below the delivery point"
		}
		if i > 0 && s.blocks[i-1].end() > b.seq {
			return "blocks overlap or are unsorted"
		}
		sum += len(b.data)
	}
	if sum != s.buffered {
		return "buffered count mismatch"
	}
	fb := 0
	for _, b := range s.free {
		fb += cap(b)
	}
	if fb != s.freeBytes || len(s.free) > maxFree {
		return "free list accounting"
	}
	if s.maxBuffered >= 0 && s.buffered+s.freeBytes > s.maxBuffered {
		return "memory above MaxBuffered"
	}
	if s.maxSegs >= 0 && len(s.blocks) > s.maxSegs {
		return "too many blocks"
	}
	if s.maxNoAck > 0 && s.acked == 0 && len(s.blocks) > 0 && s.blocks[len(s.blocks)-1].end()-s.next > s.maxNoAck {
		return "data too far above hole without acks"
	}
	if s.histLo > len(s.hist) || len(s.hist)-s.histLo > s.histMax || (s.histMax > 0 && cap(s.hist) > 2*s.histMax) {
		return "history bounds"
	}
	if uint64(len(s.hist)-s.histLo) > s.next {
		return "history longer than the stream"
	}
	if s.acked > s.next {
		return "acknowledged data not delivered"
	}
	return ""
}
