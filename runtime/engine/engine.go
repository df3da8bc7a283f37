// Package engine runs a compiled program the way Zeek does: top-level
// statements, then zeek_init; one FIFO event queue drained after each
// event; handlers of an event in priority order; hooks run at once; timers
// (schedule) on network time; at the end pending timers, then zeek_done.
// A run-time error aborts only the handler it happens in; it is reported
// like Zeek's reporter and the run goes on.
package engine

import (
	"container/heap"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
	"time"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/net/analyzer"
	"github.com/gobro/gobro/runtime/net/uid"
	"github.com/gobro/gobro/runtime/value"
	"github.com/gobro/gobro/runtime/value/hashorder"
)

// Engine is one run.
type Engine struct {
	prog   *compile.Program
	chk    *check.Program
	stdout io.Writer
	stderr io.Writer

	queue   queue
	scratch []value.Value // argument slots of events nobody handles
	timers  timerHeap
	seq     int
	netTime float64
	errors  int // run-time errors so far
	// terminating is set by terminate(): the run stops after the current
	// event, as when the input ends.
	terminating bool
	optHandlers map[string][]optionHandler // Option::set_change_handler
	// disabledModules are the modules whose handlers
	// disable_module_events switched off.
	disabledModules map[string]bool

	triggers     []*parked // when statements waiting for their condition
	pendingAsync []asyncRequest
	asyncResults map[string]value.Value
	locals       map[any]any

	// evalTrigger is the trigger whose condition is being evaluated
	// (Broker store queries are valid only there).
	evalTrigger *parked
	broker      *brokerState // Broker stores (broker.go), made on first use

	// pending counts the timers in the heap that are not recurring
	// (scheduled events, when timeouts): runUntilTerminate waits while
	// there are any.
	pending int
	// initDone is set once zeek_init has been queued: from then on,
	// reporter messages are also raised as reporter_* events.
	initDone bool
	// inReporterEvent is set while a reporter_* event runs, so messages
	// it causes do not raise more reporter events.
	inReporterEvent bool
	// groups are the event groups (&group) by name, and whether each is
	// disabled.
	groups map[string]bool

	// Getenv reads the environment (ZEEK_ALLOW_INIT_ERRORS); tests replace it.
	Getenv func(string) string

	// Args is the command line (argv, program name first) that
	// zeek_args() returns; cmd/gobro sets it.
	Args []string
	// FindScript resolves a script name along the search path
	// (find_in_zeekpath); nil finds nothing.
	FindScript func(name string) (string, bool)
	// LogDir is where logs go when the scripts name no directory
	// (Log::default_logdir and the filters' paths); "" is the working
	// directory, as for zeek.
	LogDir string
	// InputHeartbeat is how often REREAD and STREAM input sources are
	// looked at; 0 means Threading::heartbeat_interval, as in Zeek.
	InputHeartbeat time.Duration
	// Seed is Zeek's seed (-G, ZEEK_SEED_FILE, ZEEK_SEED_VALUES); nil
	// means the seed of the packet input's uid generator, if it had one.
	// With a seed, tables that are not &ordered walk in the hash order
	// Zeek's seed gives them, as Zeek's do.
	Seed *uid.Seed

	files     []*openFile // files opened by open/open_for_append (bifs_files.go)
	suspended int         // suspend_processing depth (bifs_runtime.go)
	input     inputState  // input framework streams (input_poll.go)
	inbox     inbox       // work from other goroutines (inbox.go)
	ws        *wsState    // WebSocket servers, subscriptions (websocket.go)
	// stopRequested is set by Stop from another goroutine (a signal).
	stopRequested atomic.Bool
	weirds        *weirdState // weird sampling state (bifs_weird.go)

	pkt *packetState // the trace being read (packets.go), nil without one

	argBuf []value.Value                // bindArgs' reused result
	funcs  map[string]*compile.Function // function's cache

	fileLay  *fileLayout        // fa_file offsets (files.go)
	macNames map[[6]byte]string // macName's interned addresses
	lastConn *value.Record      // the latest connection record (newConnRecord)
	// apps is the protocol analysers' configuration (analyzers.go), made
	// when a script first touches the Analyzer framework.
	apps *analyzer.Manager
	// fa is file analysis (files.go), made on first use.
	fa *fileAnalysis
	// layout is where connection records get their fields (connstate.go);
	// noConnType is set when the scripts declare no connection type.
	layout     *connLayout
	noConnType bool
}

// New compiles a checked program for a run writing to stdout and stderr.
func New(chk *check.Program, stdout, stderr io.Writer) *Engine {
	e := &Engine{chk: chk, stdout: stdout, stderr: stderr, Getenv: os.Getenv, asyncResults: map[string]value.Value{}}
	e.prog = compile.Compile(chk, e)
	e.groups = map[string]bool{}
	for _, fn := range e.prog.Funcs {
		for _, b := range fn.Bodies {
			if g := b.Check.Group; g != "" {
				e.groups[g] = false
			}
		}
	}
	return e
}

// Run executes the program and returns the process exit code.
func (e *Engine) Run() (code int) {
	defer func() {
		if r := recover(); r != nil {
			x, ok := r.(exitRequest)
			if !ok {
				panic(r)
			}
			code = x.code
		}
	}()
	value.UseZeekOrder(e.tableOrder())
	defer e.close()
	// Without a packet source, network time follows the wall clock;
	// reading a trace, it is 0 until the first packet.
	e.netTime = wallClock()
	if e.pkt != nil {
		e.netTime = 0
	}
	if !e.start() {
		fmt.Fprintln(e.stderr, "fatal error: failed to execute script statements at top-level scope")
		return 1
	}
	// Any error so far (top-level statements included, Reporter::error
	// too) makes Zeek stop here.
	if e.errors > 0 && e.Getenv("ZEEK_ALLOW_INIT_ERRORS") == "" {
		fmt.Fprintln(e.stderr, "fatal error: errors occurred while initializing")
		return 1
	}
	status := 0
	if e.pkt != nil {
		if err := e.runPackets(); err != nil {
			// Damaged input: what came before it was analysed and the
			// run ends normally, but the exit status says so (Zeek
			// once exited 0 here, which its users reported as a bug).
			what := "trace file"
			if e.pkt.in.Source.Live() {
				what = "interface"
			}
			fmt.Fprintf(e.stderr, "error: problem with %s %s (after packet %d: %v)\n",
				what, e.pkt.in.Source.Name(), e.pkt.packets.Load(), err)
			status = 1
		}
	} else if e.globalBool("exit_only_after_terminate", false) {
		e.runUntilTerminate()
	}
	e.finish()
	return status
}

// start runs what precedes the input: global initialisers and top-level
// statements, then zeek_init and what it raises. It is false when the
// initialisers failed (a run stops there).
func (e *Engine) start() bool {
	if !e.guard(e.prog.Init) {
		return false
	}
	e.bindStoreTables() // &backend tables get their stores, after every redef
	e.raise("zeek_init")
	e.initDone = true
	e.drain()
	return true
}

// finish ends the run's script side: pending timers, the connections
// still open, files, zeek_done.
func (e *Engine) finish() {
	e.terminating = true
	e.shutdownTimers()
	e.flushConns()
	e.terminateFiles()
	e.raise("zeek_done")
	e.drain()
}

// close releases what the run holds: WebSocket clients get their last
// words in, input pollers end, SQLite stores are complete and log writers
// write #close.
func (e *Engine) close() {
	e.closeWebSockets()
	e.closeInputs()
	e.closeStores()
	e.closeLocals()
	value.UseZeekOrder(nil)
}

// tableOrder is the key of Zeek's table hash when the run has a seed, nil
// for insertion order.
func (e *Engine) tableOrder() *hashorder.Key {
	seed := e.Seed
	if seed == nil && e.pkt != nil && e.pkt.in.UIDs != nil {
		if s, ok := e.pkt.in.UIDs.Seeded(); ok {
			seed = &s
		}
	}
	if seed == nil {
		return nil
	}
	k := hashorder.KeyOf(*seed)
	return &k
}

// runUntilTerminate is the run of a script with exit_only_after_terminate
// and no packet source: Zeek keeps running on wall-clock time, firing
// timers (scheduled events, when timeouts, table expiry) as they come
// due, until terminate(). We jump from one due timer to the next instead
// of sleeping — the same events in the same order, deterministically —
// and stop when terminate() is called or nothing is left to wait for.
// While input streams are polled, what comes next depends on the files
// they read: we run on the wall clock then, as Zeek does (waitInputs).
func (e *Engine) runUntilTerminate() {
	for !e.terminating && !e.stopRequested.Load() {
		if e.inbox.senders > 0 {
			e.waitInputs()
			continue
		}
		if e.timers.Len() == 0 || e.pending == 0 {
			return
		}
		t := heap.Pop(&e.timers).(*timer)
		if !t.recurring {
			e.pending--
		}
		if t.cancelled {
			continue
		}
		if t.at > e.netTime {
			e.netTime = t.at
		}
		t.run()
		e.drain()
	}
}

// shutdownTimers expires the pending timers at the end of the run, as
// Zeek does: all of them, in time order, with network time left where it
// is; scheduled events and when timeouts still run (each followed by the
// events it raised), table-expiry sweeps do nothing, log files rotate a
// last time, and schedule is ignored from now on.
func (e *Engine) shutdownTimers() {
	for e.timers.Len() > 0 {
		t := heap.Pop(&e.timers).(*timer)
		if t.cancelled {
			continue
		}
		t.run()
		e.drain()
	}
	e.timers = nil
	e.pending = 0
}

// raise queues the named global event when it has handlers.
func (e *Engine) raise(name string) {
	if fn := e.handlerFn(name); fn != nil {
		e.queue.push(event{fn: fn})
	}
}

// drain runs queued events until none is left.
func (e *Engine) drain() {
	for {
		for !e.queue.empty() {
			ev := e.queue.pop()
			if run := ev.work(); run != nil {
				e.guard(run)
				continue
			}
			if ev.fn == nil {
				continue // a tombstone left by queue.commit
			}
			e.inReporterEvent = ev.reporter
			if ev.x != nil {
				e.input.row, e.input.rowLine = ev.x.row, ev.x.rowLine
			}
			e.dispatch(ev)
			e.inReporterEvent = false
			e.input.row = nil
		}
		// The queue is empty: like Zeek at the end of a drain, look at
		// the parked when triggers (answering pending async requests
		// first); what they raise is drained in turn.
		e.triggerPass()
		if e.queue.empty() && len(e.pendingAsync) == 0 {
			return
		}
	}
}

// dispatch runs every handler of an event, each in its own frame;
// handlers of a disabled event group are skipped.
func (e *Engine) dispatch(ev event) {
	if e.ws != nil && len(e.ws.auto) > 0 {
		e.autoPublish(ev.fn, ev.args())
	}
	for _, b := range ev.fn.Bodies {
		if e.skipped(b) {
			continue
		}
		// RunHandler reports a run-time error itself and ends only
		// that handler.
		compile.RunHandler(b, e.bindArgs(b, ev.args()))
	}
}

// bindArgs maps the canonical arguments to the handler's prototype. The
// result lives in a buffer the engine reuses: RunHandler copies it into
// the handler's frame before any script runs, so a nested handler call
// (a hook run from a handler) may overwrite it.
func (e *Engine) bindArgs(b *compile.Body, args []value.Value) []value.Value {
	m := b.Check.ArgMap
	if m == nil {
		return args
	}
	out := e.argBuf[:0]
	for _, j := range m {
		v := value.Value{}
		if j < len(args) {
			v = args[j]
		}
		out = append(out, v)
	}
	e.argBuf = out
	return out
}

// guard runs f, turning a script run-time error into a report; it tells
// whether f completed.
func (e *Engine) guard(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			err, isScript := r.(*compile.Error)
			if !isScript {
				panic(r)
			}
			e.Report(err)
			ok = false
		}
	}()
	f()
	return true
}

// Report writes a run-time error as Zeek's reporter does.
func (e *Engine) Report(err *compile.Error) {
	if !strings.HasSuffix(err.Kind, "warning") {
		e.errors++ // warnings do not make initialisation fail
	}
	if err.DescribesNode() {
		err.Expr = e.chk.Describe(err.Node.(ast.Expr))
	}
	d := err.Diagnostic()
	kind := err.Kind
	if kind == "" {
		kind = "expression error"
	}
	msg := d.Msg
	if d.Expr != "" {
		msg += " (" + d.Expr + ")"
	}
	level := "error"
	if strings.HasSuffix(kind, "warning") {
		level = "warning"
	}
	e.reporter(level, kind, d.Location(), msg)
}

// reporter emits one message as Zeek's reporter does: on stderr as
// "KIND in LOCATION: MSG" ("LOCATION: MSG" for info, "KIND: MSG" without
// a location), unless Reporter::*_to_stderr says otherwise after
// zeek_init; and, once zeek_init is queued, as a reporter_info,
// reporter_warning or reporter_error event (t, msg, location) when the
// event is handled. level is "info", "warning" or "error".
func (e *Engine) reporter(level, kind, loc, msg string) {
	flag := map[string]string{"info": "Reporter::info_to_stderr", "warning": "Reporter::warnings_to_stderr", "error": "Reporter::errors_to_stderr"}[level]
	if !e.initDone || e.globalBool(flag, true) {
		var line string
		switch {
		case kind == "" && loc != "":
			line = loc + ": " + msg
		case kind == "":
			line = msg
		case loc != "":
			line = kind + " in " + loc + ": " + msg
		default:
			line = kind + ": " + msg
		}
		if e.pkt != nil && e.netTime > 0 {
			// While packets are read, messages carry network time.
			line = fmt.Sprintf("%.6f %s", e.netTime, line)
		}
		fmt.Fprintln(e.stderr, line)
	}
	if !e.initDone || e.inReporterEvent {
		return
	}
	if fn := e.handlerFn("reporter_" + level); fn != nil {
		ev := newEvent(fn, []value.Value{value.Time(e.netTime), value.String(msg), value.String(loc)})
		ev.reporter = true
		e.queue.push(ev)
	}
}

// globalBool reads a global bool, def when it is not declared.
func (e *Engine) globalBool(name string, def bool) bool {
	s := e.chk.Lookup(name)
	if s == nil || s.Slot < 0 || s.Slot >= len(e.prog.Globals) {
		return def
	}
	v := e.prog.Globals[s.Slot]
	if v.IsUnset() {
		return def
	}
	return v.Bool()
}

// Print implements compile.Runtime.
func (e *Engine) Print(line string) { fmt.Fprintln(e.stdout, line) }

// Queue implements compile.Runtime.
func (e *Engine) Queue(fn *compile.Function, args []value.Value) {
	if fn.Handled() {
		e.queue.push(newEvent(fn, args))
	}
}

// Reserve implements compile.Runtime: the event's argument slots, to be
// filled in place, then Commit.
func (e *Engine) Reserve(fn *compile.Function, n int) ([]value.Value, compile.Reservation) {
	if !fn.Handled() {
		if cap(e.scratch) < n {
			e.scratch = make([]value.Value, n)
		}
		return e.scratch[:n], compile.Reservation{}
	}
	return e.queue.reserve(fn, n)
}

// Commit implements compile.Runtime.
func (e *Engine) Commit(r compile.Reservation) { e.queue.commit(r) }

// Schedule implements compile.Runtime.
func (e *Engine) Schedule(after float64, fn *compile.Function, args []value.Value) {
	if e.terminating {
		return // Zeek ignores schedule once it is terminating
	}
	// When due, the event joins the queue like any other (Zeek's
	// ScheduleTimer enqueues it), so when conditions are looked at again
	// after it.
	e.addTimer(after, func() { e.Queue(fn, args) })
}

// RunHook implements compile.Runtime: handlers in priority order; a
// "break" in one stops the rest and makes the result false.
func (e *Engine) RunHook(fn *compile.Function, args []value.Value) bool {
	for _, b := range fn.Bodies {
		if e.skipped(b) {
			continue
		}
		if compile.RunHandler(b, e.bindArgs(b, args)) {
			return false
		}
	}
	return true
}

// Context implements compile.Runtime.
func (e *Engine) Context() compile.BuiltinContext { return ctx{e} }

type ctx struct{ e *Engine }

func (c ctx) NetworkTime() float64 { return c.e.netTime }
func (c ctx) Type(name string) types.Type {
	if s := c.e.chk.Lookup(name); s != nil {
		return s.Type
	}
	return nil
}

// Report reports a built-in's message as Zeek's reporter does, located
// at the built-in's call ("error in F, line N: msg"; info has no prefix).
func (c ctx) Report(level, msg string) {
	if level == "" {
		level = "info"
	}
	kind := level
	if level == "info" {
		kind = ""
	} else if level == "error" {
		c.e.errors++
	}
	c.e.reporter(level, kind, c.Location(), msg)
}

// Location is where the running built-in was called ("FILE, line N").
func (c ctx) Location() string { return compile.Location(c.e.prog.Site) }

func (c ctx) Local(key any, init func() any) any {
	if c.e.locals == nil {
		c.e.locals = map[any]any{}
	}
	v, ok := c.e.locals[key]
	if !ok {
		v = init()
		c.e.locals[key] = v
	}
	return v
}

// timer is something due at a network time: a scheduled event, a when
// timeout, a table sweep, a log rotation.
type timer struct {
	at  float64
	seq int
	run func()
	// recurring timers set themselves again (addRecurring).
	recurring bool
	// cancelled timers stay in the heap and are dropped when due.
	cancelled bool
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].at != h[j].at {
		return h[i].at < h[j].at
	}
	return h[i].seq < h[j].seq
}
func (h timerHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *timerHeap) Push(x any)   { *h = append(*h, x.(*timer)) }
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	*h = old[:len(old)-1]
	return t
}
