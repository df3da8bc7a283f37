package engine

import (
	"fmt"
	"os"
	"slices"
	"time"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/broker"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/store"
	"github.com/gobro/gobro/runtime/value"
)

// Session is an engine run interactively (gobro repl): started once,
// then fed inputs that the caller checks into the same program, with
// network time following the wall clock between them. A session belongs
// to one goroutine, like the engine.
type Session struct {
	e   *Engine
	top *compile.Frame // the top-level frame, shared by every input
	// exit is the status a script asked for with exit(), or -1.
	exit int
}

// catchExit runs f, noting an exit() it makes rather than ending the
// process: the session's owner ends it (Exited) and closes what is open.
func (s *Session) catchExit(f func()) {
	defer func() {
		if r := recover(); r != nil {
			x, ok := r.(exitRequest)
			if !ok {
				panic(r)
			}
			s.exit = x.code
		}
	}()
	f()
}

// Exited reports whether a script called exit(), and its status.
func (s *Session) Exited() (int, bool) { return s.exit, s.exit >= 0 }

// StartSession runs what precedes the input of a run — global
// initialisers, top-level statements, zeek_init and what it raises — on
// the wall clock and returns the session that runs the inputs. Errors
// are reported as usual; unlike a run, a session goes on after them.
func (e *Engine) StartSession() *Session {
	value.UseZeekOrder(e.tableOrder())
	e.netTime = wallClock()
	s := &Session{e: e, top: &compile.Frame{}, exit: -1}
	s.catchExit(func() { e.start() })
	return s
}

// wallClock is now in seconds, as network time counts.
func wallClock() float64 { return float64(time.Now().UnixNano()) / 1e9 }

// Run compiles and runs what the checked program gained since the last
// input: new declarations take effect, redefs apply, statements run and
// each expression statement's value goes to show; then the events raised
// are dispatched. discard passes over an input that did not check. A
// run-time error is reported and ends the input, as it ends a handler.
func (s *Session) Run(discard bool, show compile.Show) error {
	e := s.e
	run, err := e.prog.Extend(discard)
	if err != nil || run == nil {
		return err
	}
	e.funcs = nil // names may now declare other functions
	e.netTime = max(e.netTime, wallClock())
	s.catchExit(func() {
		e.guard(func() { run(s.top, show) })
		e.drain()
	})
	return nil
}

// Tick brings network time up to the wall clock, runs the timers due
// (scheduled events, when timeouts, expiry) and what they raise, and
// returns when the next timer is due (zero time if none is pending).
func (s *Session) Tick() time.Time {
	e := s.e
	e.netTime = max(e.netTime, wallClock())
	s.catchExit(func() {
		e.takeInbox()
		e.runDue()
		e.drain() // answers to store queries wake their when statements
	})
	if e.timers.Len() == 0 {
		return time.Time{}
	}
	return fromSeconds(e.timers[0].at)
}

// Terminated reports whether a script called terminate() or exit().
func (s *Session) Terminated() bool { return s.e.terminating || s.exit >= 0 }

// ReadTrace runs a trace through the loaded scripts, network time
// following its packets; its connections are flushed at its end, as at
// the end of a run, and network time then returns to the wall clock.
func (s *Session) ReadTrace(in PacketInput) error {
	e := s.e
	e.SetPacketInput(in)
	defer func() { e.pkt = nil }()
	var err error
	s.catchExit(func() {
		err = e.runPackets()
		e.flushConns()
		e.drain()
	})
	if err != nil {
		return fmt.Errorf("problem with trace file %s (after packet %d: %v)", in.Source.Name(), e.pkt.packets.Load(), err)
	}
	return nil
}

// End finishes the session as a run finishes: pending timers, open
// files, zeek_done (not after exit()); then logs are closed and stores
// written.
func (s *Session) End() {
	e := s.e
	e.terminating = true
	if s.exit < 0 { // exit() ends at once, as in Zeek: no zeek_done
		s.catchExit(e.finish)
	}
	e.close()
}

// OpenStore attaches the Broker SQLite file at path as the master store
// name — read-only unless rw, so inspecting a store cannot change it —
// and returns its handle, as Broker::create_master would.
func (s *Session) OpenStore(path, name string, rw bool) (value.Value, error) {
	bs := s.e.brokerStores()
	if h := bs.stores[name]; h.open() {
		return value.Value{}, fmt.Errorf("a store named %s is already open", name)
	}
	if _, err := os.Stat(path); err != nil {
		return value.Value{}, err
	}
	st, err := store.OpenSQLite(name, store.SQLiteOptions{Path: path, ReadOnly: !rw}, s.e.storeClock())
	if err != nil {
		return value.Value{}, err
	}
	h := &storeHandle{name: name, st: st, readOnly: !rw}
	bs.stores[name] = h
	return value.Value{P: h}, nil
}

// Stores lists the open stores by name, sorted.
func (s *Session) Stores() []string {
	var out []string
	if s.e.broker != nil {
		for name, h := range s.e.broker.stores {
			if h.open() {
				out = append(out, name)
			}
		}
	}
	slices.Sort(out)
	return out
}

// Store is the open store called name, or nil.
func (s *Session) Store(name string) store.Store {
	if s.e.broker == nil {
		return nil
	}
	if h := s.e.broker.stores[name]; h.open() {
		return h.st
	}
	return nil
}

// StoreKey converts a script value into the Broker data a store key is.
func StoreKey(v value.Value) (broker.Data, error) { return toData(v, "key") }

// Render renders a value as print does.
func (s *Session) Render(v value.Value, t types.Type) string { return s.e.prog.Render(v, t) }

// Global is the value of the global called name.
func (s *Session) Global(name string) (value.Value, bool) { return s.e.global(name) }

// SetGlobal sets the global called name, which the checked program
// declares.
func (s *Session) SetGlobal(name string, v value.Value) bool {
	sym := s.e.chk.Lookup(name)
	if sym == nil || sym.Slot < 0 || sym.Slot >= len(s.e.prog.Globals) {
		return false
	}
	s.e.prog.Globals[sym.Slot] = v
	return true
}

// Handlers is how many handlers the event or hook called name has.
func (s *Session) Handlers(name string) int {
	if fn := s.e.function(name); fn != nil {
		return len(fn.Bodies)
	}
	return 0
}
