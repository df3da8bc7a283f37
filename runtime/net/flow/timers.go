package flow

import (
	"math"
	"time"
)

type timerKind uint8

const (
	timerInactivity timerKind = iota
	timerAttempt
	timerTCPExpire
	timerCloseDelete
	timerDNS
	timerReset
	timerPartialClose
)

// analyzer tells whether CancelTimers cancels timers of the kind: all but
// the connection's own.
func (k timerKind) analyzer() bool { return k != timerInactivity && k != timerCloseDelete }

// expire tells whether timers of the kind act at shutdown (do_expire).
func (k timerKind) expire() bool { return k == timerAttempt || k == timerDNS || k == timerReset }

// timer is one pending tracker timer. Timers are 24-byte values in the
// heap slice (no allocation each): the due time in Unix nanoseconds, the
// connection, and one word holding the creation sequence number above
// the connection's analyzer generation and the kind, so that ordering
// timers is two integer comparisons. The 53 bits left for the sequence
// number last 2^53 timers, centuries at millions a second.
type timer struct {
	at  int64
	c   *Conn
	seq uint64
}

const (
	timerKindBits = 3
	timerSeqShift = timerKindBits + 8 // above the kind and the generation
)

func (t *Tracker) addTimer(c *Conn, at time.Time, kind timerKind) {
	t.tseq++
	seq := t.tseq<<timerSeqShift | uint64(c.anaGen)<<timerKindBits | uint64(kind)
	t.timers.push(timer{at: due(at), c: c, seq: seq})
}

// maxDue is the last instant Unix nanoseconds hold (in 2262).
var maxDue = time.Unix(0, math.MaxInt64)

// due is at in Unix nanoseconds, saturated: a timer set beyond 2262 (say
// set_inactivity_timeout(1000 years)) is never due, where UnixNano would
// wrap to the past and the timer would fire, re-arm and fire forever.
func due(at time.Time) int64 {
	if at.After(maxDue) {
		return math.MaxInt64
	}
	return at.UnixNano()
}

func (tm *timer) kind() timerKind { return timerKind(tm.seq & (1<<timerKindBits - 1)) }

func (tm *timer) gen() uint8 { return uint8(tm.seq >> timerKindBits) }

// dead tells whether the timer can no longer act: its connection is gone,
// or CancelTimers cancelled it. A dead timer stays dead.
func (tm *timer) dead() bool {
	return tm.c.Removed || tm.kind().analyzer() && tm.gen() != tm.c.anaGen
}

func (a *timer) before(b *timer) bool {
	return a.at < b.at || a.at == b.at && a.seq < b.seq
}

// timerHeap is a binary min-heap of timers by (at, seq).
type timerHeap []timer

func (h *timerHeap) push(tm timer) {
	if len(*h) == cap(*h) {
		h.makeRoom()
	}
	*h = append(*h, tm)
	s := *h
	for i := len(s) - 1; i > 0; {
		parent := (i - 1) / 2
		if !s[i].before(&s[parent]) {
			break
		}
		s[i], s[parent] = s[parent], s[i]
		i = parent
	}
}

// makeRoom runs when the heap's array is full. It first drops the dead
// timers, which would otherwise wait until due (a removed connection's
// inactivity timer for minutes), holding their connections too, and
// grows the array only if that freed less than a quarter of it: so a
// scan of the heap comes at most once per quarter of its size in new
// timers. The order timers fire in is unchanged, (at, seq) being unique.
func (h *timerHeap) makeRoom() {
	s := *h
	live := s[:0]
	for _, tm := range s {
		if !tm.dead() {
			live = append(live, tm)
		}
	}
	clear(s[len(live):]) // drop the *Conn references
	if len(live) > cap(s)*3/4 {
		live = append(make(timerHeap, 0, cap(s)+cap(s)/4+1), live...)
	}
	*h = live
	for i := len(live)/2 - 1; i >= 0; i-- {
		h.down(i)
	}
}

func (h *timerHeap) pop() timer {
	s := *h
	top := s[0]
	n := len(s) - 1
	s[0] = s[n]
	s[n] = timer{} // drop the *Conn reference
	*h = s[:n]
	h.down(0)
	if c := cap(s); c > minTimerShrink && n < c/4 {
		// A burst of connections left their handshake timers; once
		// those fired, give back what the heap no longer needs.
		*h = append(make(timerHeap, 0, c/2), (*h)...)
	}
	return top
}

// minTimerShrink is the capacity below which the heap keeps its array.
const minTimerShrink = 1024

// down moves the timer at i down to its place.
func (h *timerHeap) down(i int) {
	s := *h
	n := len(s)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && s[r].before(&s[l]) {
			m = r
		}
		if !s[m].before(&s[i]) {
			return
		}
		s[i], s[m] = s[m], s[i]
		i = m
	}
}
