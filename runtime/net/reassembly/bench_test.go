package reassembly

import "testing"

const benchMSS = 1448

type nopSink struct{ n uint64 }

func (s *nopSink) Data(_ uint64, d []byte) { s.n += uint64(len(d)) }
func (s *nopSink) Gap(uint64, uint64)      {}

func benchSinks() []struct {
	name string
	sink func() Sink
} {
	return []struct {
		name string
		sink func() Sink
	}{
		{"plain", func() Sink { return &nopSink{} }},
		{"rexmit-check", func() Sink { return &countSink{} }},
	}
}

// BenchmarkInOrder feeds MSS-sized segments in order with an ack every
// other segment: the common path (no copy into held buffers; with a sink
// that wants inconsistencies, a copy into the bounded history).
func BenchmarkInOrder(b *testing.B) {
	payload := make([]byte, benchMSS)
	for _, bs := range benchSinks() {
		b.Run(bs.name, func(b *testing.B) {
			s := New(bs.sink(), Config{})
			seq := uint32(12345)
			s.Init(seq)
			b.SetBytes(benchMSS)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				s.Segment(seq, payload)
				seq += benchMSS
				if i&1 == 1 {
					s.Ack(seq)
				}
			}
		})
	}
}

// BenchmarkOutOfOrder swaps every pair of segments, so half of the data
// is held and copied before delivery.
func BenchmarkOutOfOrder(b *testing.B) {
	payload := make([]byte, benchMSS)
	for _, bs := range benchSinks() {
		b.Run(bs.name, func(b *testing.B) {
			s := New(bs.sink(), Config{})
			seq := uint32(12345)
			s.Init(seq)
			b.SetBytes(benchMSS)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				if i&1 == 0 {
					s.Segment(seq+benchMSS, payload)
				} else {
					s.Segment(seq, payload)
					seq += 2 * benchMSS
					s.Ack(seq)
				}
			}
		})
	}
}
