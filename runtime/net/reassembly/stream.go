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
//
// A connection keeps two streams for its whole life, most of them carrying
// data in order or none at all, so a Stream holds only what every stream
// needs (64 bytes); the limits are shared and the buffers for data out of
// order and for history are made on first need.
type Stream struct {
	sink Sink
	set  *settings
	held *held // nil until data is held out of order or history is kept

	next  uint64 // next offset to deliver; everything below is delivered or gapped
	acked uint64 // highest acknowledged offset (0: nothing acknowledged)
	fin   uint64

	isn     uint32
	started bool
	closed  bool
	busy    bool // inside a sink callback: reentrant calls are ignored
	hasFin  bool
}

// held is the part of a stream few streams need.
type held struct {
	blocks   []block // sorted, disjoint, all above next
	buffered int     // sum of len(blocks[i].data)

	free      [][]byte // delivered block buffers kept for reuse
	freeBytes int

	// hist[histLo:] are the delivered bytes just below next.
	hist   []byte
	histLo int
}

// settings are a Config with its defaults applied, and whether the sink
// wants inconsistencies: fixed at New, and shared by all the streams made
// with the zero Config.
type settings struct {
	maxBuffered int    // <0: unlimited
	maxNoAck    uint64 // 0: disabled
	maxSegs     int    // <0: unlimited
	histMax     int    // 0: no history
	check       bool   // the sink wants inconsistencies
}

// defaults are the zero Config's settings, for sinks without and with an
// inconsistency interface.
var defaults = [2]settings{newSettings(Config{}, false), newSettings(Config{}, true)}

func newSettings(cfg Config, check bool) settings {
	s := settings{
		maxBuffered: pick(cfg.MaxBuffered, DefaultMaxBuffered, -1),
		maxNoAck:    uint64(pick(cfg.MaxAboveHoleWithoutAcks, DefaultMaxAboveHoleWithoutAcks, 0)),
		maxSegs:     pick(cfg.MaxSegments, DefaultMaxSegments, -1),
		check:       check,
	}
	if check {
		s.histMax = pick(cfg.History, DefaultHistory, 0)
	}
	return s
}

// discard is the sink used when New is given none.
type discard struct{}

func (discard) Data(uint64, []byte) {}
func (discard) Gap(uint64, uint64)  {}

// New returns a stream that delivers to sink.
func New(sink Sink, cfg Config) *Stream {
	s := new(Stream)
	s.Reset(sink, cfg)
	return s
}

// Reset makes s a new stream delivering to sink, as New does, so that a
// Stream can live inside another value. s must not be inside a call.
func (s *Stream) Reset(sink Sink, cfg Config) {
	if sink == nil {
		sink = discard{}
	}
	check := false
	switch sink.(type) {
	case InconsistencySink, InconsistencyDataSink:
		check = true
	}
	set := &defaults[0]
	if check {
		set = &defaults[1]
	}
	if cfg != (Config{}) {
		own := newSettings(cfg, check)
		set = &own
	}
	*s = Stream{sink: sink, set: set}
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

// holding returns the held data, making it on first use.
func (s *Stream) holding() *held {
	if s.held == nil {
		s.held = &held{}
	}
	return s.held
}

// firstHeld returns the lowest held piece, or nil.
func (s *Stream) firstHeld() *block {
	if s.held == nil || len(s.held.blocks) == 0 {
		return nil
	}
	return &s.held.blocks[0]
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
	case s.next == 0 && s.firstHeld() == nil && s.acked == 0 && !s.hasFin:
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
		if s.held != nil && s.set.histMax > 0 {
			s.compareHistory(r, payload[:n])
		}
		payload = payload[n:]
		r += n
	}
	if len(payload) > 0 && r == s.next {
		// In order: hand the caller's bytes over directly, up to the
		// first held piece (which wins where they overlap).
		n := uint64(len(payload))
		if b := s.firstHeld(); b != nil && b.seq-r < n {
			n = b.seq - r
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
		if b := s.firstHeld(); b == nil || b.seq >= u {
			s.gap(u - s.next)
		} else {
			s.gap(b.seq - s.next)
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
	for b := s.firstHeld(); b != nil; b = s.firstHeld() {
		s.gap(b.seq - s.next)
		s.drain()
	}
	s.busy = false
	s.closed = true
	s.held = nil
}

// Delivered returns the next expected relative offset: every byte below it
// has been delivered or reported as a gap.
func (s *Stream) Delivered() uint64 { return s.next }

// EOF reports whether a FIN was recorded and every byte before it has been
// delivered or reported as a gap: the point at which Zeek signals the end
// of the endpoint's data to its analysers (EndpointEOF).
func (s *Stream) EOF() bool { return s.hasFin && s.next >= s.fin }

// Buffered returns the number of bytes currently held out of order.
func (s *Stream) Buffered() int {
	if s.held == nil {
		return 0
	}
	return s.held.buffered
}

// deliver hands in-order bytes to the sink and remembers them for
// retransmission checks.
func (s *Stream) deliver(p []byte) {
	if s.set.histMax > 0 {
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
	if h := s.held; h != nil {
		h.hist, h.histLo = h.hist[:0], 0
	}
}

// drain delivers the held pieces that now start at the delivery point.
func (s *Stream) drain() {
	h := s.held
	if h == nil {
		return
	}
	k := 0
	for k < len(h.blocks) && h.blocks[k].seq == s.next {
		b := h.blocks[k].data
		h.buffered -= len(b)
		s.deliver(b)
		s.release(b)
		k++
	}
	if k > 0 {
		n := copy(h.blocks, h.blocks[k:])
		clear(h.blocks[n:])
		h.blocks = h.blocks[:n]
	}
}

// insert holds p (at offset r > next) in the holes between held pieces;
// where it overlaps a held piece, the held bytes win and differences are
// reported.
func (s *Stream) insert(r uint64, p []byte) {
	h := s.holding()
	i := sort.Search(len(h.blocks), func(i int) bool { return h.blocks[i].end() > r })
	for len(p) > 0 {
		if i == len(h.blocks) || r+uint64(len(p)) <= h.blocks[i].seq {
			s.addBlock(i, r, p)
			return
		}
		if b := h.blocks[i].seq; r < b {
			n := b - r
			s.addBlock(i, r, p[:n])
			i++
			p, r = p[n:], b
		}
		b := &h.blocks[i]
		n := b.end() - r
		if n > uint64(len(p)) {
			n = uint64(len(p))
		}
		if s.set.check {
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
	h := s.held
	buf := s.alloc(len(p))
	copy(buf, p)
	h.blocks = append(h.blocks, block{})
	copy(h.blocks[i+1:], h.blocks[i:])
	h.blocks[i] = block{seq: seq, data: buf}
	h.buffered += len(p)
}

// enforce applies the buffer limits after an insertion: while one is
// exceeded, the lowest hole becomes a gap and what follows is delivered.
func (s *Stream) enforce() {
	h, set := s.held, s.set
	for len(h.blocks) > 0 {
		var why OverflowReason
		switch {
		case set.maxBuffered >= 0 && h.buffered > set.maxBuffered:
			why = ExcessiveData
		case set.maxNoAck > 0 && s.acked == 0 && h.blocks[len(h.blocks)-1].end()-s.next > set.maxNoAck:
			why = AboveHoleWithoutAcks
		case set.maxSegs >= 0 && len(h.blocks) > set.maxSegs:
			why = TooManySegments
		default:
			return
		}
		n := h.blocks[0].seq - s.next
		if ovf, ok := s.sink.(OverflowSink); ok {
			ovf.Overflow(s.next, n, why)
		}
		s.gap(n)
		s.drain()
	}
}

func (s *Stream) report(seq uint64, old, new []byte) {
	switch sink := s.sink.(type) {
	case InconsistencyDataSink:
		sink.InconsistentData(seq, old, new)
	case InconsistencySink:
		sink.Inconsistent(seq, uint64(len(old)))
	}
}

// alloc returns an n-byte buffer, reusing a recycled one if it fits. When
// none fits the recycled ones are dropped, so that held plus recycled
// memory never exceeds MaxBuffered by more than the new segment.
func (s *Stream) alloc(n int) []byte {
	h := s.held
	for i := len(h.free) - 1; i >= 0; i-- {
		if b := h.free[i]; cap(b) >= n {
			last := len(h.free) - 1
			h.free[i] = h.free[last]
			h.free[last] = nil
			h.free = h.free[:last]
			h.freeBytes -= cap(b)
			return b[:n]
		}
	}
	clear(h.free)
	h.free, h.freeBytes = h.free[:0], 0
	return make([]byte, n)
}

// release keeps a delivered block buffer for reuse if the memory budget
// allows; out-of-order traffic then runs without allocating.
func (s *Stream) release(b []byte) {
	h, c := s.held, cap(b)
	if len(h.free) >= maxFree || (s.set.maxBuffered >= 0 && h.buffered+h.freeBytes+c > s.set.maxBuffered) {
		return
	}
	h.free = append(h.free, b[:0])
	h.freeBytes += c
}

// appendHistory records delivered bytes, keeping the last histMax. The
// buffer grows lazily up to 2×histMax; once full, the live tail is slid to
// the front, which costs at most one extra copy per byte appended.
func (s *Stream) appendHistory(p []byte) {
	h, max2 := s.holding(), s.set.histMax
	if len(p) >= max2 {
		p = p[len(p)-max2:]
		h.hist, h.histLo = h.hist[:0], 0
	}
	if len(h.hist)+len(p) > cap(h.hist) {
		live := h.hist[h.histLo:]
		if keep := max2 - len(p); len(live) > keep {
			live = live[len(live)-keep:]
		}
		c := cap(h.hist)
		if c < 2*max2 {
			c = max(2*c, len(live)+len(p), 1024)
			c = min(c, 2*max2)
		}
		if c != cap(h.hist) {
			nb := make([]byte, len(live), c)
			copy(nb, live)
			h.hist = nb
		} else {
			n := copy(h.hist[:cap(h.hist)], live)
			h.hist = h.hist[:n]
		}
		h.histLo = 0
	}
	h.hist = append(h.hist, p...)
	if l := len(h.hist) - h.histLo; l > max2 {
		h.histLo += l - max2
	}
}

// trimHistory forgets acknowledged bytes: they are never compared again.
func (s *Stream) trimHistory() {
	h := s.held
	if h == nil {
		return
	}
	live := uint64(len(h.hist) - h.histLo)
	start := s.next - live
	if s.acked <= start {
		return
	}
	if d := s.acked - start; d >= live {
		h.hist, h.histLo = h.hist[:0], 0
	} else {
		h.histLo += int(d)
	}
}

// compareHistory checks a retransmission p at offset r (r+len(p) <= next)
// against the delivered bytes still remembered.
func (s *Stream) compareHistory(r uint64, p []byte) {
	h := s.held
	live := h.hist[h.histLo:]
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
	h, set := s.held, s.set
	if h == nil {
		if s.acked > s.next {
			return "acknowledged data not delivered"
		}
		return ""
	}
	sum := 0
	for i := range h.blocks {
		b := &h.blocks[i]
		if len(b.data) == 0 {
			return "empty block"
		}
		if b.seq <= s.next {
			return "block at or below the delivery point"
		}
		if i > 0 && h.blocks[i-1].end() > b.seq {
			return "blocks overlap or are unsorted"
		}
		sum += len(b.data)
	}
	if sum != h.buffered {
		return "buffered count mismatch"
	}
	fb := 0
	for _, b := range h.free {
		fb += cap(b)
	}
	if fb != h.freeBytes || len(h.free) > maxFree {
		return "free list accounting"
	}
	if set.maxBuffered >= 0 && h.buffered+h.freeBytes > set.maxBuffered {
		return "memory above MaxBuffered"
	}
	if set.maxSegs >= 0 && len(h.blocks) > set.maxSegs {
		return "too many blocks"
	}
	if set.maxNoAck > 0 && s.acked == 0 && len(h.blocks) > 0 && h.blocks[len(h.blocks)-1].end()-s.next > set.maxNoAck {
		return "data too far above hole without acks"
	}
	if h.histLo > len(h.hist) || len(h.hist)-h.histLo > set.histMax || (set.histMax > 0 && cap(h.hist) > 2*set.histMax) {
		return "history bounds"
	}
	if uint64(len(h.hist)-h.histLo) > s.next {
		return "history longer than the stream"
	}
	if s.acked > s.next {
		return "acknowledged data not delivered"
	}
	return ""
}
