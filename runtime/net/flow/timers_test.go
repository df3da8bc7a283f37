package flow

import (
	"math/rand/v2"
	"slices"
	"testing"
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
