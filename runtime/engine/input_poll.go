package engine

import (
	"container/heap"
	"slices"
	"sync"
	"time"

	"github.com/gobro/gobro/runtime/input"
)

// Polling of REREAD and STREAM streams. Each such stream has a poller
// goroutine, which owns the stream's input.Source: it looks at the source
// on every heartbeat (Threading::heartbeat_interval, which paces Zeek's
// reader threads, or Engine.InputHeartbeat) and on Input::force_update, and
// sends what it finds to the script thread, which queues its delivery
// like any other. The script thread takes the updates between packets
// (runPackets) and, with exit_only_after_terminate and no packet source,
// waits for them on wall-clock time (waitInputs): Zeek keeps running then,
// as it does on a live interface. Otherwise the run ends as Zeek's would,
// once the first read is delivered.

// inputState is the input framework's part of the engine.
type inputState struct {
	streams map[string]*inputStream
	pollers sync.WaitGroup
	// row and rowLine: the event stream and line whose ev is running.
	row     *inputStream
	rowLine int
}

// inputUpdate is what a poller found.
type inputUpdate struct {
	st *inputStream
	u  input.Update
}

// poll starts a poller for a stream, handing it the source.
func (e *Engine) poll(st *inputStream, src *input.Source) {
	st.polling = true
	st.stop, st.kick = make(chan struct{}), make(chan struct{}, 1)
	e.inbox.senders++
	every, out := e.heartbeat(), e.inboxChan()
	e.input.pollers.Add(1)
	go func() {
		defer e.input.pollers.Done()
		poller(st, src, every, out, e.received)
	}()
}

// poller is the loop of a poller goroutine: it posts what it finds to the
// inbox, for received. Of st it reads only the channels.
func poller(st *inputStream, src *input.Source, every time.Duration, out chan<- func(), received func(inputUpdate)) {
	defer src.Close()
	tick := time.NewTicker(every)
	defer tick.Stop()
	for !src.Failed() {
		select {
		case <-st.stop:
			return
		case <-tick.C:
		case <-st.kick:
		}
		u := src.Update()
		if u.Empty() {
			continue
		}
		select {
		case out <- func() { received(inputUpdate{st, u}) }:
		case <-st.stop:
			return
		}
	}
}

// heartbeat is how often pollers look at their sources.
func (e *Engine) heartbeat() time.Duration {
	if e.InputHeartbeat > 0 {
		return e.InputHeartbeat
	}
	if v, ok := e.global("Threading::heartbeat_interval"); ok && v.Double() > 0 {
		return time.Duration(v.Double() * float64(time.Second))
	}
	return time.Second
}

// unpoll ends a stream's poller.
func (e *Engine) unpoll(st *inputStream) {
	if st.polling {
		st.polling = false
		close(st.stop)
		e.inbox.senders--
	}
}

// received takes a poller's update on the script thread. The update of a
// removed stream is dropped; one that stopped its source (a fatal
// problem) ends the stream's polling, as its poller has ended.
func (e *Engine) received(iu inputUpdate) {
	if !iu.st.polling {
		return
	}
	if slices.ContainsFunc(iu.u.Problems, func(p input.Problem) bool { return p.Fatal }) {
		e.unpoll(iu.st)
	}
	e.queueUpdate(iu.st, iu.u)
}

// waitInputs is a step of runUntilTerminate while something may still
// send to the inbox: network time follows the wall clock, due timers
// fire, and until the next one the engine waits on the inbox.
func (e *Engine) waitInputs() {
	if now := wallClock(); now > e.netTime {
		e.netTime = now
	}
	e.runDue()
	wait := maxInboxWait
	if e.timers.Len() > 0 {
		wait = min(wait, time.Duration((e.timers[0].at-e.netTime)*1e9))
	}
	e.waitInbox(wait)
}

// runDue runs the timers due at network time.
func (e *Engine) runDue() {
	for e.timers.Len() > 0 && e.timers[0].at <= e.netTime {
		t := heap.Pop(&e.timers).(*timer)
		if !t.recurring {
			e.pending--
		}
		if !t.cancelled {
			t.run()
			e.drain()
		}
	}
}

// closeInputs ends all polling at the end of the run and waits for the
// pollers, so that none outlives the run.
func (e *Engine) closeInputs() {
	for _, st := range e.input.streams {
		e.unpoll(st)
	}
	e.input.pollers.Wait()
}
