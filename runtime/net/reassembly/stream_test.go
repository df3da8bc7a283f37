package reassembly

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unsafe"
)

// recorder logs every sink call as a compact string:
//
//	D<seq>:<data>   Data
//	G<seq>+<n>      Gap
//	I<seq>+<n>      Inconsistent
//	O<seq>+<n>:<why> Overflow
type recorder struct {
	events []string
}

func (r *recorder) Data(seq uint64, d []byte) {
	r.events = append(r.events, fmt.Sprintf("D%d:%s", seq, d))
}
func (r *recorder) Gap(seq, n uint64) { r.events = append(r.events, fmt.Sprintf("G%d+%d", seq, n)) }
func (r *recorder) Inconsistent(seq, n uint64) {
	r.events = append(r.events, fmt.Sprintf("I%d+%d", seq, n))
}
func (r *recorder) Overflow(seq, n uint64, why OverflowReason) {
	r.events = append(r.events, fmt.Sprintf("O%d+%d:%s", seq, n, why))
}

// plainRecorder has no optional methods.
type plainRecorder struct{ r recorder }

func (p *plainRecorder) Data(seq uint64, d []byte) { p.r.Data(seq, d) }
func (p *plainRecorder) Gap(seq, n uint64)         { p.r.Gap(seq, n) }

// op is one call on a stream; the table tests are sequences of them.
type op func(s *Stream)

func seg(seq uint32, d string) op { return func(s *Stream) { s.Segment(seq, []byte(d)) } }
func ack(a uint32) op             { return func(s *Stream) { s.Ack(a) } }
func fin(f uint32) op             { return func(s *Stream) { s.Fin(f) } }
func syn(seq uint32, d string) op { return func(s *Stream) { s.SYN(seq, []byte(d)) } }
func initS(isn uint32) op         { return func(s *Stream) { s.Init(isn) } }
func closeS() op                  { return func(s *Stream) { s.Close() } }

// expectBuf checks Buffered/Delivered at a point in the sequence.
func expectBuf(t *testing.T, buffered int, delivered uint64) op {
	return func(s *Stream) {
		t.Helper()
		if s.Buffered() != buffered || s.Delivered() != delivered {
			t.Errorf("Buffered()=%d Delivered()=%d, want %d %d", s.Buffered(), s.Delivered(), buffered, delivered)
		}
	}
}

func TestRules(t *testing.T) {
	cases := []struct {
		name string
		cfg  Config
		ops  []op
		want []string
	}{
		{"in order", Config{}, []op{initS(1000), seg(1000, "abc"), seg(1003, "def")},
			[]string{"D0:abc", "D3:def"}},
		{"out of order held until the hole fills", Config{}, []op{initS(1000), seg(1003, "def"), expectBuf(t, 3, 0), seg(1000, "abc"), expectBuf(t, 0, 6)},
			[]string{"D0:abc", "D3:def"}},
		{"three pieces reversed", Config{}, []op{initS(1000), seg(1006, "ghi"), seg(1003, "def"), seg(1000, "abc")},
			[]string{"D0:abc", "D3:def", "D6:ghi"}},
		{"exact duplicate dropped", Config{}, []op{initS(1000), seg(1000, "abc"), seg(1000, "abc")},
			[]string{"D0:abc"}},
		{"overlap with delivered: only new bytes", Config{}, []op{initS(1000), seg(1000, "abc"), seg(1001, "bcde")},
			[]string{"D0:abc", "D3:de"}},
		{"inconsistent retransmission of delivered bytes", Config{}, []op{initS(1000), seg(1000, "abcd"), seg(1001, "XY")},
			[]string{"D0:abcd", "I1+2"}},
		{"inconsistent overlap with held data, first wins", Config{}, []op{initS(1000), seg(1003, "def"), seg(1004, "XYg"), expectBuf(t, 4, 0), seg(1000, "abc")},
			[]string{"I4+2", "D0:abc", "D3:def", "D6:g"}},
		{"segment spanning a hole and held data", Config{}, []op{initS(1000), seg(1003, "def"), seg(1000, "abcXXXg")},
			[]string{"D0:abc", "I3+3", "D3:def", "D6:g"}},
		{"segment covering two held pieces fills the holes between", Config{}, []op{initS(1000), seg(1002, "c"), seg(1005, "f"), seg(1001, "bcdefgh"), seg(1000, "a")},
			[]string{"D0:a", "D1:b", "D2:c", "D3:de", "D5:f", "D6:gh"}},
		{"ack beyond a hole reports the gap", Config{}, []op{initS(1000), seg(1000, "abc"), seg(1006, "ghi"), ack(1009), expectBuf(t, 0, 9)},
			[]string{"D0:abc", "G3+3", "D6:ghi"}},
		{"ack inside a hole, rest arrives later", Config{}, []op{initS(1000), seg(1000, "ab"), seg(1010, "kl"), ack(1005), seg(1005, "fghij")},
			[]string{"D0:ab", "G2+3", "D5:fghij", "D10:kl"}},
		{"ack across several holes", Config{}, []op{initS(1000), seg(1000, "ab"), seg(1004, "ef"), seg(1008, "ij"), ack(1012)},
			[]string{"D0:ab", "G2+2", "D4:ef", "G6+2", "D8:ij", "G10+2"}},
		{"ack before the data: gapped space is analysed", Config{}, []op{initS(1000), seg(1000, "abc"), ack(1010), seg(1003, "defghij"), seg(1008, "ijkl")},
			[]string{"D0:abc", "G3+7", "D10:kl"}},
		{"ack ending exactly at held data delivers it", Config{}, []op{initS(1000), seg(1005, "fg"), ack(1005)},
			[]string{"G0+5", "D5:fg"}},
		{"old, duplicate and underflowing acks are ignored", Config{}, []op{initS(1000), seg(1000, "ab"), seg(1005, "f"), ack(1001), ack(1000), ack(999), ack(1001), ack(uint32(1000 - 1<<20 + 1<<32)), expectBuf(t, 1, 2)},
			[]string{"D0:ab"}},
		{"ack of the FIN is not a missing byte", Config{}, []op{initS(1000), seg(1000, "abc"), fin(1003), ack(1004)},
			[]string{"D0:abc"}},
		{"ack of the FIN still reports real holes", Config{}, []op{initS(1000), seg(1000, "ab"), seg(1004, "e"), fin(1005), ack(1006)},
			[]string{"D0:ab", "G2+2", "D4:e"}},
		{"close delivers held data after the gaps", Config{}, []op{initS(1000), seg(1000, "ab"), seg(1005, "fg"), seg(1010, "k"), closeS(), expectBuf(t, 0, 11), seg(1002, "cde"), ack(1020)},
			[]string{"D0:ab", "G2+3", "D5:fg", "G7+3", "D10:k"}},
		{"close does not invent a gap up to the FIN", Config{}, []op{initS(1000), seg(1000, "ab"), fin(1010), closeS()},
			[]string{"D0:ab"}},
		{"MaxBuffered overflow gaps up to the held data", Config{MaxBuffered: 4}, []op{initS(1000), seg(1000, "ab"), seg(1004, "ef"), seg(1008, "ijk"), expectBuf(t, 3, 6)},
			[]string{"D0:ab", "O2+2:excessive_data_without_further_acks", "G2+2", "D4:ef"}},
		{"single segment larger than MaxBuffered", Config{MaxBuffered: 4}, []op{initS(1000), seg(1003, "defghij"), expectBuf(t, 0, 10)},
			[]string{"O0+3:excessive_data_without_further_acks", "G0+3", "D3:defghij"}},
		{"above hole without any acks", Config{MaxAboveHoleWithoutAcks: 8}, []op{initS(1000), seg(1000, "a"), seg(1005, "fgh"), seg(1009, "jk")},
			[]string{"D0:a", "O1+4:above_hole_data_without_any_acks", "G1+4", "D5:fgh"}},
		{"above hole rule is off once data was acked", Config{MaxAboveHoleWithoutAcks: 8}, []op{initS(1000), seg(1000, "a"), ack(1001), seg(1005, "fgh"), seg(1009, "jk"), expectBuf(t, 5, 1)},
			[]string{"D0:a"}},
		{"too many segments", Config{MaxSegments: 2}, []op{initS(1000), seg(1002, "c"), seg(1004, "e"), seg(1006, "g")},
			[]string{"O0+2:too_many_out_of_order_segments", "G0+2", "D2:c"}},
		{"data before the ISN is trimmed", Config{}, []op{initS(1000), seg(998, "xyab"), seg(999, "z"), seg(990, "0123456789")},
			[]string{"D0:ab"}},
		{"keep-alive one byte below the next sequence number", Config{}, []op{initS(1000), seg(1000, "abc"), seg(1002, "\x00"), seg(1003, "d")},
			[]string{"D0:abc", "D3:d"}},
		{"keep-alive below the ack", Config{}, []op{initS(1000), seg(1000, "abc"), ack(1003), seg(1002, "\x00"), seg(1000, "XYZ")},
			[]string{"D0:abc"}},
		{"retransmission partly acked is trimmed to the ack", Config{}, []op{initS(1000), seg(1000, "abcd"), ack(1002), seg(1000, "XXcDef")},
			[]string{"D0:abcd", "I2+2", "D4:ef"}},
		{"SYN with data (TFO)", Config{}, []op{syn(999, "GET"), syn(999, "GET"), seg(1003, " /")},
			[]string{"D0:GET", "D3: /"}},
		{"SYN retransmitted with other data", Config{}, []op{syn(999, "GET"), syn(999, "PUT")},
			[]string{"D0:GET", "I0+3"}},
		{"SYN payload fed at the SYN's own seq loses the SYN octet", Config{}, []op{initS(1000), seg(999, "xabc")},
			[]string{"D0:abc"}},
		{"segment before Init starts a partial stream", Config{}, []op{seg(5000, "abc"), seg(5003, "d")},
			[]string{"D0:abc", "D3:d"}},
		{"ack before Init starts the stream at the ack", Config{}, []op{ack(7000), seg(7000, "x"), ack(7001)},
			[]string{"D0:x"}},
		{"Init re-bases before progress only", Config{}, []op{initS(100), initS(1000), seg(1000, "ab"), initS(5000), seg(1002, "c"), syn(4999, "zz")},
			[]string{"D0:ab", "D2:c"}},
		{"zero-length segments do nothing", Config{}, []op{initS(1000), seg(1005, ""), seg(1000, "")},
			nil},
		{"history limit bounds what is compared", Config{History: 4}, []op{initS(1000), seg(1000, "abcdefghij"), seg(1000, "XY"), seg(1007, "XY")},
			[]string{"D0:abcdefghij", "I7+2"}},
		{"history forgets acked bytes", Config{}, []op{initS(1000), seg(1000, "abcdef"), ack(1004), seg(1002, "XXXX")},
			[]string{"D0:abcdef", "I4+2"}},
		{"history is dropped at a gap", Config{}, []op{initS(1000), seg(1000, "ab"), seg(1004, "ef"), ack(1006), seg(1004, "XY")},
			[]string{"D0:ab", "G2+2", "D4:ef"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rec := &recorder{}
			s := New(rec, c.cfg)
			for i, o := range c.ops {
				o(s)
				if msg := s.checkInvariants(); msg != "" {
					t.Fatalf("after op %d: %s", i, msg)
				}
			}
			if !slices.Equal(rec.events, c.want) {
				t.Errorf("events\n got %q\nwant %q", rec.events, c.want)
			}
		})
	}
}

func TestEOF(t *testing.T) {
	s := New(&plainRecorder{}, Config{})
	s.Init(100)
	s.Segment(100, []byte("ab"))
	if s.EOF() {
		t.Fatal("EOF before any FIN")
	}
	s.Segment(104, []byte("e"))
	s.Fin(105)
	if s.EOF() {
		t.Fatal("EOF with a hole before the FIN")
	}
	s.Ack(106) // acks the FIN: the hole becomes a gap
	if !s.EOF() || s.Delivered() != 5 {
		t.Fatalf("EOF=%v Delivered=%d after the FIN was acked", s.EOF(), s.Delivered())
	}
}

func TestPlainSinkDropsOverlapsSilently(t *testing.T) {
	p := &plainRecorder{}
	s := New(p, Config{})
	s.Init(1)
	s.Segment(4, []byte("def"))
	s.Segment(2, []byte("XXXXXX")) // differs from held "def" and fills [1,3)
	s.Segment(1, []byte("a"))
	s.Segment(1, []byte("Q"))
	want := []string{"D0:a", "D1:XX", "D3:def", "D6:X"}
	if !slices.Equal(p.r.events, want) {
		t.Errorf("got %q want %q", p.r.events, want)
	}
	if s.held != nil && len(s.held.hist) != 0 {
		t.Errorf("plain sink should keep no history")
	}
}

type dataInc struct {
	recorder
	pairs []string
}

func (d *dataInc) InconsistentData(seq uint64, old, new []byte) {
	d.pairs = append(d.pairs, fmt.Sprintf("%d:%s/%s", seq, old, new))
}

func TestInconsistencyData(t *testing.T) {
	d := &dataInc{}
	s := New(d, Config{})
	s.Init(0)
	s.Segment(0, []byte("hello"))
	s.Segment(8, []byte("wor"))
	// [3,5) repeats delivered "lo" as "LO"; [5,8) is new ("xxW", delivered
	// straight away); [8,10) repeats held "wo" as "OR".
	s.Segment(3, []byte("LOxxWOR"))
	want := []string{"3:lo/LO", "8:wo/OR"}
	if !slices.Equal(d.pairs, want) {
		t.Errorf("pairs %q want %q", d.pairs, want)
	}
	if len(d.events) != 3 || d.events[1] != "D5:xxW" || d.events[2] != "D8:wor" {
		t.Errorf("events %q", d.events)
	}
}

func TestReentrantCallsIgnored(t *testing.T) {
	var s *Stream
	r := &reentrant{}
	s = New(r, Config{})
	r.s = s
	s.Init(0)
	s.Segment(0, []byte("abc"))
	if s.Delivered() != 3 || r.n != 1 {
		t.Fatalf("Delivered=%d calls=%d", s.Delivered(), r.n)
	}
}

type reentrant struct {
	s *Stream
	n int
}

func (r *reentrant) Data(uint64, []byte) {
	r.n++
	r.s.Segment(3, []byte("def"))
	r.s.Close()
	r.s.Ack(10)
}
func (r *reentrant) Gap(uint64, uint64) {}

func TestNilSink(t *testing.T) {
	s := New(nil, Config{})
	s.Segment(7, []byte("x"))
	s.Ack(100)
	s.Close()
	if s.Delivered() != 93 {
		t.Fatalf("Delivered=%d", s.Delivered())
	}
}

// TestWrapAround runs a stream across the 32-bit sequence wrap with
// reordering, a hole closed by an ack and a FIN right after the wrap.
func TestWrapAround(t *testing.T) {
	rec := &recorder{}
	s := New(rec, Config{})
	isn := uint32(0xFFFFFFF8)
	s.Init(isn)
	s.Segment(isn+4, []byte("efgh"))  // 0xFFFFFFFC..0xFFFFFFFF
	s.Segment(isn+8, []byte("ijkl"))  // 0x00000000..0x00000003, wrapped
	s.Segment(isn, []byte("abcd"))    // fills the hole
	s.Segment(isn+16, []byte("qrst")) // 0x08.., after a hole
	s.Ack(isn + 12)                   // nothing missing below 12
	s.Ack(isn + 20)                   // hole [12,16)
	s.Segment(isn+13, []byte("XYZ"))  // inside the gapped space: dropped
	s.Segment(isn+20, []byte("uv"))   // in order
	s.Fin(isn + 22)                   // FIN at 0x0E
	s.Ack(isn + 23)                   // acks the FIN: clamped, no gap
	s.Segment(isn-1, []byte("\x00"))  // below the ISN
	s.Segment(isn+0x7FFF0000, nil)    // far away, empty
	s.Segment(isn+21, []byte("v"))    // acked already
	want := []string{"D0:abcd", "D4:efgh", "D8:ijkl", "G12+4", "D16:qrst", "D20:uv"}
	if !slices.Equal(rec.events, want) {
		t.Fatalf("got %q\nwant %q", rec.events, want)
	}
	// Several wraps: push 3 × 2^32 bytes' worth of offsets through acks
	// (as gaps) and check the offsets keep growing.
	for i := 0; i < 12; i++ {
		s.Ack(isn + 22 + uint32(i+1)<<30)
	}
	if got, wantN := s.Delivered(), uint64(22); got != wantN {
		// The FIN clamps acks, so nothing moves past 22.
		t.Fatalf("Delivered=%d want %d", got, wantN)
	}
	s2 := New(&plainRecorder{}, Config{})
	s2.Init(isn)
	var off uint64
	for i := 0; i < 12; i++ {
		off += 1 << 30
		s2.Ack(isn + uint32(off))
		if s2.Delivered() != off {
			t.Fatalf("wrap %d: Delivered=%d want %d", i, s2.Delivered(), off)
		}
		s2.Segment(isn+uint32(off), []byte("z"))
		off++
		if s2.Delivered() != off {
			t.Fatalf("wrap %d: Delivered=%d want %d", i, s2.Delivered(), off)
		}
	}
}

// checker verifies the delivered stream against the original bytes.
type checker struct {
	t    *testing.T
	orig []byte
	next uint64
	gaps []bool
	bad  int
}

func (c *checker) Data(seq uint64, d []byte) {
	if seq != c.next || len(d) == 0 {
		c.t.Fatalf("Data(%d, %d bytes) with next %d", seq, len(d), c.next)
	}
	if end := seq + uint64(len(d)); end > uint64(len(c.orig)) || !bytes.Equal(d, c.orig[seq:end]) {
		c.t.Fatalf("Data(%d, %d bytes) does not match the original", seq, len(d))
	}
	c.next += uint64(len(d))
}

func (c *checker) Gap(seq, n uint64) {
	if seq != c.next || n == 0 {
		c.t.Fatalf("Gap(%d, %d) with next %d", seq, n, c.next)
	}
	for i := seq; i < seq+n && i < uint64(len(c.gaps)); i++ {
		c.gaps[i] = true
	}
	c.next += n
}

func (c *checker) Inconsistent(seq, n uint64) { c.bad++ }

// TestRandomized splits a random stream into segments, reorders,
// duplicates and (capture-)drops some, feeds them with the acks the
// receiver would send, and checks that the output is the original with
// exactly the never-seen, acknowledged ranges reported as gaps.
func TestRandomized(t *testing.T) {
	for iter := 0; iter < 300; iter++ {
		rng := rand.New(rand.NewPCG(uint64(iter), 99))
		total := 1 + rng.IntN(60000)
		orig := make([]byte, total)
		for i := range orig {
			orig[i] = byte(rng.Uint32())
		}
		type pkt struct {
			off, n   int
			captured bool
		}
		var wire []pkt
		for off := 0; off < total; {
			n := 1 + rng.IntN(1500)
			if off+n > total {
				n = total - off
			}
			wire = append(wire, pkt{off, n, rng.IntN(10) != 0})
			off += n
		}
		// Local reordering.
		for i := range wire {
			j := i + rng.IntN(6)
			if j < len(wire) {
				wire[i], wire[j] = wire[j], wire[i]
			}
		}
		// Retransmissions: copies (possibly resegmented) shortly after.
		var final []pkt
		for i, p := range wire {
			final = append(final, p)
			if rng.IntN(8) == 0 {
				q := wire[max(0, i-rng.IntN(4))]
				a := q.off + rng.IntN(q.n)
				b := a + 1 + rng.IntN(q.off+q.n-a)
				final = append(final, pkt{a, b - a, rng.IntN(4) != 0})
			}
		}
		isn := rng.Uint32()
		if iter%3 == 0 {
			isn = 0xFFFFFFFF - uint32(rng.IntN(total))
		}
		c := &checker{t: t, orig: orig, gaps: make([]bool, total)}
		s := New(c, Config{MaxAboveHoleWithoutAcks: -1})
		s.Init(isn)

		covered := make([]bool, total)
		want := make([]bool, total)
		received := make([]bool, total) // at the real receiver
		recvEnd, decided := 0, 0
		for _, p := range final {
			for i := p.off; i < p.off+p.n; i++ {
				received[i] = true
			}
			if p.captured {
				for i := p.off; i < p.off+p.n; i++ {
					covered[i] = true
				}
				s.Segment(isn+uint32(p.off), orig[p.off:p.off+p.n])
			}
			for recvEnd < total && received[recvEnd] {
				recvEnd++
			}
			if rng.IntN(3) == 0 && recvEnd > decided {
				for i := decided; i < recvEnd; i++ {
					want[i] = !covered[i]
				}
				decided = recvEnd
				s.Ack(isn + uint32(recvEnd))
			}
			if msg := s.checkInvariants(); msg != "" {
				t.Fatalf("iter %d: %s", iter, msg)
			}
		}
		for i := decided; i < total; i++ {
			want[i] = !covered[i]
		}
		s.Ack(isn + uint32(total))
		s.Close()
		if c.next != uint64(total) {
			t.Fatalf("iter %d: stream ended at %d of %d", iter, c.next, total)
		}
		if !slices.Equal(c.gaps, want) {
			t.Fatalf("iter %d: gap bytes differ from the never-captured ranges", iter)
		}
		if c.bad != 0 {
			t.Fatalf("iter %d: %d inconsistencies on consistent data", iter, c.bad)
		}
	}
}

// TestRandomizedTight is TestRandomized under small limits and without
// acks: overflow gaps may then hide data, but what is delivered must still
// be the original, contiguous, and memory must stay bounded.
func TestRandomizedTight(t *testing.T) {
	for iter := 0; iter < 200; iter++ {
		rng := rand.New(rand.NewPCG(uint64(iter), 7))
		total := 1 + rng.IntN(40000)
		orig := make([]byte, total)
		for i := range orig {
			orig[i] = byte(rng.Uint32())
		}
		cfg := Config{MaxBuffered: 1 + rng.IntN(5000), MaxAboveHoleWithoutAcks: rng.IntN(9000) - 1000, MaxSegments: 1 + rng.IntN(20), History: rng.IntN(3000) - 500}
		c := &checker{t: t, orig: orig, gaps: make([]bool, total)}
		s := New(c, cfg)
		isn := rng.Uint32()
		s.Init(isn)
		for k := 0; k < 200; k++ {
			a := rng.IntN(total)
			b := a + 1 + rng.IntN(min(total-a, 2000))
			s.Segment(isn+uint32(a), orig[a:b])
			if rng.IntN(20) == 0 {
				s.Ack(isn + uint32(rng.IntN(total+1)))
			}
			if msg := s.checkInvariants(); msg != "" {
				t.Fatalf("iter %d (cfg %+v): %s", iter, cfg, msg)
			}
		}
		s.Close()
		if s.Buffered() != 0 || c.bad != 0 {
			t.Fatalf("iter %d: buffered %d, inconsistencies %d", iter, s.Buffered(), c.bad)
		}
	}
}

func TestInOrderDoesNotAllocate(t *testing.T) {
	payload := bytes.Repeat([]byte("x"), 1460)
	for _, sink := range []Sink{&plainRecorder{}, &countSink{}} {
		name := strings.TrimPrefix(fmt.Sprintf("%T", sink), "*reassembly.")
		s := New(sink, Config{})
		s.Init(0)
		seq := uint32(0)
		step := func() {
			s.Segment(seq, payload)
			seq += uint32(len(payload))
			s.Ack(seq)
		}
		for i := 0; i < 100; i++ { // warm the history buffer
			step()
		}
		if p, ok := sink.(*plainRecorder); ok {
			p.r.events = nil
			s.sink = discard{} // recording itself allocates
		}
		if n := testing.AllocsPerRun(1000, step); n != 0 {
			t.Errorf("%s: %v allocations per in-order segment", name, n)
		}
	}
}

func TestOutOfOrderRecyclesBuffers(t *testing.T) {
	payload := bytes.Repeat([]byte("y"), 1460)
	s := New(&countSink{}, Config{})
	s.Init(0)
	seq := uint32(0)
	step := func() {
		s.Segment(seq+1460, payload)
		s.Segment(seq, payload)
		seq += 2 * 1460
		s.Ack(seq)
	}
	for i := 0; i < 100; i++ {
		step()
	}
	if n := testing.AllocsPerRun(1000, step); n != 0 {
		t.Errorf("%v allocations per out-of-order pair", n)
	}
}

// countSink counts bytes and implements Inconsistent, so the stream keeps
// history.
type countSink struct{ n, gaps, bad uint64 }

func (c *countSink) Data(_ uint64, d []byte)  { c.n += uint64(len(d)) }
func (c *countSink) Gap(_, n uint64)          { c.gaps += n }
func (c *countSink) Inconsistent(_, _ uint64) { c.bad++ }

// TestStreamSize keeps a Stream in 64 bytes: a connection has two for its
// whole life, most of them carrying data in order or none.
func TestStreamSize(t *testing.T) {
	if n := unsafe.Sizeof(Stream{}); n > 64 {
		t.Errorf("Stream is %d bytes, over 64", n)
	}
}

// TestHeldOnlyWhenNeeded: in-order data to a sink without inconsistency
// interest keeps nothing besides the Stream; the first out-of-order
// segment makes the held state, and Close drops it. Streams share the
// default limits, and a Config of its own changes no other stream.
func TestHeldOnlyWhenNeeded(t *testing.T) {
	p := &plainRecorder{}
	s := New(p, Config{})
	s.Init(1000)
	s.Segment(1000, []byte("abc"))
	s.Ack(1003)
	if s.held != nil {
		t.Fatal("in-order data made held state")
	}
	s.Segment(1005, []byte("fg")) // the first segment out of order
	if s.held == nil || s.Buffered() != 2 {
		t.Fatalf("held=%v Buffered=%d after data out of order", s.held, s.Buffered())
	}
	s.Segment(1003, []byte("de"))
	s.Close()
	if s.held != nil || s.Buffered() != 0 {
		t.Fatal("Close kept held state")
	}
	want := []string{"D0:abc", "D3:de", "D5:fg"}
	if !slices.Equal(p.r.events, want) {
		t.Errorf("got %q want %q", p.r.events, want)
	}

	tight := New(&plainRecorder{}, Config{MaxBuffered: 1})
	other := New(&plainRecorder{}, Config{})
	if tight.set == other.set || other.set != New(nil, Config{}).set {
		t.Fatal("default limits not shared, or a Config of its own shared")
	}
	other.Init(1)
	other.Segment(3, []byte("xy"))
	if other.Buffered() != 2 {
		t.Fatalf("another stream's MaxBuffered applied: Buffered=%d", other.Buffered())
	}
}

// TestReset reuses a Stream value for a new stream and sink.
func TestReset(t *testing.T) {
	var s Stream
	a, b := &recorder{}, &recorder{}
	s.Reset(a, Config{})
	s.Init(10)
	s.Segment(12, []byte("c"))
	s.Reset(b, Config{})
	s.Segment(50, []byte("xy")) // a partial stream starting at 50
	s.Segment(50, []byte("xz"))
	if len(a.events) != 0 || !slices.Equal(b.events, []string{"D0:xy", "I0+2"}) {
		t.Fatalf("first sink %q, second %q", a.events, b.events)
	}
}
