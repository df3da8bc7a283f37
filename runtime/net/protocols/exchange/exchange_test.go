package exchange

import (
	"bytes"
	"fmt"
	"slices"
	"testing"
)

// A turn is cut at MSS, ends when the other side speaks or on Flush, and
// an empty Flush adds nothing; Feed hands the segments over in order and
// then closes both directions.
func TestExchange(t *testing.T) {
	long := make([]byte, MSS+2)
	for i := range long {
		long[i] = byte(i)
	}
	full := bytes.Repeat([]byte{'f'}, MSS)

	var e Exchange
	e.Send(true, []byte("GET"))
	e.Send(true, []byte(" /"))
	e.Send(false, long)
	e.Send(true, []byte("x"))
	e.Flush()
	e.Flush()
	e.Send(true, []byte("y"))
	e.Flush()
	e.Send(false, full)
	e.Flush()

	want := []Segment{
		{true, []byte("GET /")},
		{false, long[:MSS]},
		{false, long[MSS:]},
		{true, []byte("x")},
		{true, []byte("y")},
		{false, full},
	}
	if len(e.Segments) != len(want) {
		t.Fatalf("%d segments, want %d", len(e.Segments), len(want))
	}
	for i, s := range e.Segments {
		if s.Orig != want[i].Orig || !bytes.Equal(s.Data, want[i].Data) {
			t.Errorf("segment %d: %v %q, want %v %q", i, s.Orig, s.Data, want[i].Orig, want[i].Data)
		}
		if cap(s.Data) != len(s.Data) {
			t.Errorf("segment %d: capacity %d beyond its %d bytes", i, cap(s.Data), len(s.Data))
		}
	}
	if wantTotal := 5 + MSS + 2 + 1 + 1 + MSS; e.Total != wantTotal {
		t.Errorf("Total %d, want %d", e.Total, wantTotal)
	}

	r := &recorder{}
	e.Feed(r)
	wantCalls := []string{
		"deliver true 5", "deliver false 1448", "deliver false 2", "deliver true 1", "deliver true 1",
		"deliver false 1448", "end true", "end false", "done",
	}
	if !slices.Equal(r.calls, wantCalls) {
		t.Errorf("Feed made\n%q\nwant\n%q", r.calls, wantCalls)
	}
}

// recorder is an analyser that writes its calls down.
type recorder struct{ calls []string }

func (r *recorder) Deliver(orig bool, data []byte) {
	r.calls = append(r.calls, fmt.Sprintf("deliver %v %d", orig, len(data)))
}
func (r *recorder) Gap(orig bool, n uint64) {
	r.calls = append(r.calls, fmt.Sprintf("gap %v %d", orig, n))
}
func (r *recorder) EndOfData(orig bool) { r.calls = append(r.calls, fmt.Sprintf("end %v", orig)) }
func (r *recorder) Done()               { r.calls = append(r.calls, "done") }
