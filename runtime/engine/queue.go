package engine

import (
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// event is a queued event. Up to smallArgs arguments are kept inside the
// entry, so queueing an event allocates nothing in the common case; the
// rest of what an entry may carry, which few do, sits behind x, so that
// an entry is 128 bytes: a burst of a million events writes, zeroes and
// scans that many.
type event struct {
	fn       *compile.Function
	small    [smallArgs]value.Value
	n        int32
	reporter bool    // a reporter_* event
	ts       float64 // network time when queued (current_event_time)
	x        *eventExtra
}

// eventExtra is the rare part of an event.
type eventExtra struct {
	more []value.Value // all arguments, when more than smallArgs
	// run, when set, is engine work queued in order with the events
	// (the input framework's delivery of what a reader read).
	run func()
	// row, for an event stream's ev: the stream and the line of the row
	// it delivers (Input::__row_location).
	row     *inputStream
	rowLine int
}

const smallArgs = 4

func newEvent(fn *compile.Function, args []value.Value) event {
	ev := event{fn: fn, n: int32(len(args))}
	if len(args) <= smallArgs {
		copy(ev.small[:], args)
	} else {
		ev.x = withArgs(len(args))
		copy(ev.x.more, args)
	}
	return ev
}

// withArgs is an eventExtra with room for n arguments, in the same
// allocation when they are few (events of up to eight arguments are
// common: the engine's HTTP and file events).
func withArgs(n int) *eventExtra {
	if n > 8 {
		return &eventExtra{more: make([]value.Value, n)}
	}
	x := &struct {
		eventExtra
		buf [8]value.Value
	}{}
	x.more = x.buf[:n]
	return &x.eventExtra
}

// workEvent is an entry that runs engine work f in its turn.
func workEvent(f func()) event { return event{x: &eventExtra{run: f}} }

// args returns the event's arguments.
func (ev *event) args() []value.Value {
	if ev.x != nil && ev.x.more != nil {
		return ev.x.more
	}
	return ev.small[:ev.n]
}

// work is the engine work the entry runs, nil for an event.
func (ev *event) work() func() {
	if ev.x == nil {
		return nil
	}
	return ev.x.run
}

// queue is the FIFO event queue: fixed-size chunks, so a burst of a
// million events never copies the ones already queued, and drained chunks
// are reused.
type queue struct {
	// clock is the network time stamped on events as they are queued
	// (nil: 0); current is the stamp of the last event taken out, the
	// one being dispatched (current_event_time).
	clock   *float64
	current float64

	chunks [][]event
	head   int // next event in chunks[0]
	spare  [][]event
	pushes int // events pushed so far (reservations compare it)
}

const chunkSize = 256

// maxSpare drained chunks are kept for reuse; a burst beyond that (an
// input file of a million lines queues a million events) leaves its
// chunks to the collector instead of holding them for the whole run.
const maxSpare = 16

func (q *queue) push(ev event) {
	if q.clock != nil {
		ev.ts = *q.clock
	}
	n := len(q.chunks)
	if n == 0 || len(q.chunks[n-1]) == chunkSize {
		var c []event
		if k := len(q.spare); k > 0 {
			c, q.spare = q.spare[k-1], q.spare[:k-1]
		} else {
			c = make([]event, 0, chunkSize)
		}
		q.chunks = append(q.chunks, c)
		n++
	}
	q.chunks[n-1] = append(q.chunks[n-1], ev)
	q.pushes++
}

func (q *queue) empty() bool {
	return len(q.chunks) == 0 || len(q.chunks) == 1 && q.head == len(q.chunks[0])
}

// pop removes the next event; the queue must not be empty.
func (q *queue) pop() event {
	c := q.chunks[0]
	ev := c[q.head]
	c[q.head] = event{} // drop references for the collector
	q.current = ev.ts
	q.head++
	if q.head == len(c) {
		if len(q.chunks) == 1 {
			q.chunks[0], q.head = c[:0], 0
		} else if q.head == chunkSize {
			if len(q.spare) < maxSpare {
				q.spare = append(q.spare, c[:0])
			}
			// Slicing leaves the chunk in the backing array, where
			// it would stay reachable until the array is reallocated:
			// after a burst, every chunk of it.
			q.chunks[0] = nil
			q.chunks, q.head = q.chunks[1:], 0
		}
	}
	return ev
}

// reserve appends an event whose arguments the caller fills in place
// through the returned slice (no copy, no allocation), and returns a token
// for commit.
func (q *queue) reserve(fn *compile.Function, n int) ([]value.Value, compile.Reservation) {
	ev := event{fn: fn, n: int32(n)}
	if n > smallArgs {
		ev.x = withArgs(n)
	}
	q.push(ev)
	c := q.chunks[len(q.chunks)-1]
	r := compile.Reservation{Chunk: len(q.chunks) - 1, At: len(c) - 1, Pushes: q.pushes, Valid: true}
	e := &c[len(c)-1]
	return e.args(), r
}

// commit keeps Zeek's order when evaluating the arguments raised events
// of their own: those were queued after the reservation but must come
// first, so the reserved entry becomes a tombstone (fn == nil, skipped by
// the engine) and a copy of it joins the end of the queue. Entries cannot
// have been consumed meanwhile: nothing dispatches while a handler runs.
func (q *queue) commit(r compile.Reservation) {
	if !r.Valid || q.pushes == r.Pushes {
		return
	}
	c := q.chunks[r.Chunk]
	ev := c[r.At]
	c[r.At] = event{}
	q.push(ev)
}
