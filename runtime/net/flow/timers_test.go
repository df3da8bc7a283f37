package flow

import (
	"math"
	"math/rand/v2"
	"net/netip"
	"slices"
	"testing"
	"time"

	gnet "github.com/gobro/gobro/runtime/net"
)

// TestTimerHeapDropsOnlyDead checks that dropping dead timers when the
// heap is full changes nothing that fires: with connections removed and
// analyzer timers cancelled along the way, the heap pops the live timers
// in the (at, seq) order of a sorted model.
func TestTimerHeapDropsOnlyDead(t *testing.T) {
	for run := range 20 {
		r := rand.New(rand.NewPCG(uint64(run), 1))
		conns := make([]*Conn, 40)
		for i := range conns {
			conns[i] = &Conn{}
		}
		var h timerHeap
		var model []timer
		var seq uint64
		for step := range 20000 {
			switch n := r.IntN(100); {
			case n < 55:
				c := conns[r.IntN(len(conns))]
				seq++
				kind := timerKind(r.IntN(int(timerPartialClose) + 1))
				tm := timer{at: int64(r.IntN(500) + step/10), c: c, seq: seq<<timerSeqShift | uint64(c.anaGen)<<timerKindBits | uint64(kind)}
				h.push(tm)
				model = append(model, tm)
			case n < 90 && len(h) > 0:
				slices.SortFunc(model, func(a, b timer) int {
					if a.before(&b) {
						return -1
					}
					return 1
				})
				want := popLive(&model)
				got := timer{}
				for len(h) > 0 {
					if got = h.pop(); !got.dead() {
						break
					}
					got = timer{}
				}
				if got != want {
					t.Fatalf("run %d step %d: popped %+v, want %+v", run, step, got, want)
				}
			case n < 95:
				conns[r.IntN(len(conns))].anaGen++
			default:
				i := r.IntN(len(conns))
				conns[i].Removed = true
				conns[i] = &Conn{}
			}
		}
	}
}

// TestTimerHeapShrinks: after a burst, the heap gives back its array as
// it drains, and still pops in (at, seq) order.
func TestTimerHeapShrinks(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	c := &Conn{}
	var h timerHeap
	for i := range 10000 {
		h.push(timer{at: int64(r.IntN(1000)), c: c, seq: uint64(i+1) << timerSeqShift})
	}
	peak := cap(h)
	prev := h.pop()
	for len(h) > 100 {
		tm := h.pop()
		if tm.before(&prev) {
			t.Fatalf("popped %+v after %+v", tm, prev)
		}
		prev = tm
	}
	if cap(h) > peak/8 || cap(h) < len(h) {
		t.Fatalf("capacity %d for %d timers after a peak of %d", cap(h), len(h), peak)
	}
}

// popLive takes the first live timer off the sorted model, dropping the
// dead ones before it (the zero timer if none).
func popLive(model *[]timer) timer {
	for len(*model) > 0 {
		tm := (*model)[0]
		*model = (*model)[1:]
		if !tm.dead() {
			return tm
		}
	}
	return timer{}
}

// TestFarTimeout: an inactivity timeout too far away for Unix nanoseconds
// never fires (it used to wrap to the past and fire in a loop).
func TestFarTimeout(t *testing.T) {
	cfg := BareConfig()
	cfg.IgnoreChecksums = true // the packet has no bytes to sum
	tr := NewTracker(cfg)
	start := time.Unix(1704067200, 0)
	c, _ := tr.Process(&gnet.Packet{
		Timestamp: start, IPVersion: 4, HasTransport: true, Proto: gnet.ProtoUDP,
		Src: netip.MustParseAddr("10.0.0.1"), Dst: netip.MustParseAddr("10.0.0.2"), SrcPort: 5000, DstPort: 6000,
		IPLen: 28, IPHdrLen: 20,
	})
	if c == nil {
		t.Fatal("no connection")
	}
	tr.SetInactivityTimeout(c, 290*365*24*time.Hour) // past 2262
	if gone := tr.Expire(start.Add(48 * time.Hour)); len(gone) != 0 || c.Removed {
		t.Fatalf("connection removed: %v", gone)
	}
}

// TestDueSaturates: instants past what Unix nanoseconds hold are never
// due, instead of wrapping to the past.
func TestDueSaturates(t *testing.T) {
	if d := due(maxDue.Add(time.Hour)); d != math.MaxInt64 {
		t.Errorf("due(2262 + 1h) = %d", d)
	}
	if at := time.Unix(1704067200, 5); due(at) != at.UnixNano() {
		t.Errorf("due(2024) = %d", due(at))
	}
}
