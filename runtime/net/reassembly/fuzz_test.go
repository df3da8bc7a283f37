package reassembly

import (
	"encoding/binary"
	"testing"
)

// content is the byte every consistent segment carries at absolute
// sequence number a, so any two copies of the same offset agree.
func content(a uint32) byte { return byte(a*131 + a>>9 + 7) }

// fuzzSink checks the stream contract as calls arrive.
type fuzzSink struct {
	t       *testing.T
	s       *Stream
	next    uint64
	corrupt bool // segments may carry inconsistent bytes
	inc     int
	ovf     int
	// first is the first byte offered at each offset not yet delivered
	// when it arrived: the one Data must deliver there.
	first map[uint64]byte
}

// segment records the bytes of Segment(seq, p), made against a stream
// whose ISN is (or is about to become) isn.
func (f *fuzzSink) segment(isn, seq uint32, p []byte) {
	next := f.s.next
	rel := int64(next) + int64(int32(seq-(isn+uint32(next))))
	for i, b := range p {
		o := rel + int64(i)
		if o < 0 || uint64(o) < next {
			continue // before the ISN, or delivered already
		}
		if _, ok := f.first[uint64(o)]; !ok {
			f.first[uint64(o)] = b
		}
	}
}

// syn records the bytes of SYN(seq, p) if the SYN is taken (see init).
func (f *fuzzSink) syn(seq uint32, p []byte) {
	s := f.s
	if !s.started || s.isn == seq+1 || (s.next == 0 && s.Buffered() == 0 && s.acked == 0 && !s.hasFin) {
		f.segment(seq+1, seq+1, p)
	}
}

func (f *fuzzSink) Data(seq uint64, d []byte) {
	if seq != f.next || len(d) == 0 {
		f.t.Fatalf("Data(%d, len %d) but next is %d", seq, len(d), f.next)
	}
	for i, b := range d {
		if w, ok := f.first[seq+uint64(i)]; !ok || w != b {
			f.t.Fatalf("Data(%d): byte %d is %#x, first arrived %#x (seen %v)", seq, i, b, w, ok)
		}
		delete(f.first, seq+uint64(i))
	}
	if !f.corrupt {
		for i, b := range d {
			if want := content(f.s.isn + uint32(seq) + uint32(i)); b != want {
				f.t.Fatalf("Data(%d): byte %d is %#x, want %#x", seq, i, b, want)
			}
		}
	}
	f.next += uint64(len(d))
}

func (f *fuzzSink) Gap(seq, n uint64) {
	if seq != f.next || n == 0 {
		f.t.Fatalf("Gap(%d, %d) but next is %d", seq, n, f.next)
	}
	f.next += n
}

func (f *fuzzSink) Inconsistent(seq, n uint64) {
	if !f.corrupt {
		f.t.Fatalf("Inconsistent(%d, %d) on consistent data", seq, n)
	}
	if n == 0 {
		f.t.Fatalf("empty inconsistency")
	}
	f.inc++
}

func (f *fuzzSink) Overflow(seq, n uint64, why OverflowReason) {
	if seq != f.next || n == 0 || why > TooManySegments {
		f.t.Fatalf("Overflow(%d, %d, %v) but next is %d", seq, n, why, f.next)
	}
	f.ovf++
}

// FuzzStream drives a stream with operations decoded from the input and
// checks that it never panics, that Data/Gap calls tile the stream without
// holes or overlaps, that every delivered byte is the first one that
// arrived at its offset (inconsistent copies included), that consistent
// input is delivered byte-exact with no inconsistency reported, and that
// the internal invariants (memory bounds included) hold after every call.
func FuzzStream(f *testing.F) {
	f.Add([]byte{0, 0, 0, 0, 0, 10, 0, 0, 5, 5, 1, 0, 0, 20})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xf0, 0, 0, 0, 20, 0, 20, 40, 0, 0, 8, 30, 2, 0, 40, 3})
	f.Add([]byte{2, 1, 2, 3, 4, 4, 0, 0, 0, 9, 0, 3, 1, 0, 0, 2, 200, 5, 0, 0, 0, 1})
	f.Add([]byte{3, 9, 9, 9, 9, 0, 0, 7, 100, 0, 0, 0, 200, 0, 1, 0, 150, 2, 5, 3, 7, 6, 0, 0, 0, 1, 50})
	f.Fuzz(func(t *testing.T, in []byte) {
		if len(in) < 5 {
			return
		}
		mode := in[0]
		sink := &fuzzSink{t: t, corrupt: mode&1 != 0, first: map[uint64]byte{}}
		cfg := Config{}
		if mode&2 != 0 {
			cfg = Config{MaxBuffered: 64 + int(in[1]), MaxAboveHoleWithoutAcks: int(in[2]) - 16, MaxSegments: 1 + int(in[3]&15), History: int(in[4]) - 32}
		}
		s := New(sink, cfg)
		sink.s = s
		base := binary.BigEndian.Uint32(in[1:5])
		in = in[5:]
		var buf [600]byte
		for len(in) >= 3 {
			code, a, b := in[0], in[1], in[2]
			in = in[3:]
			// Offsets mostly near the stream's start, sometimes far.
			off := uint32(int32(int16(uint16(a)<<8|uint16(b)))) + uint32(code>>4)*uint32(s.next)
			if code&0x80 != 0 && len(in) >= 2 {
				off += uint32(in[0])<<24 | uint32(in[1])<<16
				in = in[2:]
			}
			seq := base + off
			switch code & 7 {
			case 0, 1, 2:
				n := int(a^b) % len(buf)
				if code&7 == 2 {
					n %= 8
				}
				for i := 0; i < n; i++ {
					buf[i] = content(seq + uint32(i))
					if sink.corrupt && (i+int(code))%5 == 0 {
						buf[i] ^= 0x5a
					}
				}
				if !s.closed {
					isn := s.isn
					if !s.started {
						isn = seq // a segment starts the stream
					}
					sink.segment(isn, seq, buf[:n])
				}
				s.Segment(seq, buf[:n])
			case 3:
				s.Ack(seq)
			case 4:
				s.Fin(seq)
			case 5:
				s.Init(seq)
			case 6:
				n := int(b) % 16
				for i := 0; i < n; i++ {
					buf[i] = content(seq + 1 + uint32(i))
				}
				if !s.closed {
					sink.syn(seq, buf[:n])
				}
				s.SYN(seq, buf[:n])
			case 7:
				if a == 0 {
					s.Close()
				} else {
					s.Ack(base + uint32(s.next) + uint32(b))
				}
			}
			if msg := s.checkInvariants(); msg != "" {
				t.Fatalf("invariant: %s", msg)
			}
			if s.Delivered() != sink.next {
				t.Fatalf("Delivered()=%d, sink saw %d", s.Delivered(), sink.next)
			}
		}
		s.Close()
		if s.Buffered() != 0 {
			t.Fatalf("Buffered()=%d after Close", s.Buffered())
		}
		if s.Delivered() != sink.next {
			t.Fatalf("Delivered()=%d, sink saw %d", s.Delivered(), sink.next)
		}
	})
}
