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
	"time"

	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// Engine is one run.
type Engine struct {
	prog   *compile.Program
	chk    *check.Program
	stdout io.Writer
	stderr io.Writer

	queue   []event
	timers  timerHeap
	seq     int
	netTime float64
	errors  int // run-time errors so far
	// terminating is set by terminate(): the run stops after the current
	// event, as when the input ends.
	terminating bool
	optHandlers map[string][]optionHandler // Option::set_change_handler

	triggers     []*parked // when statements waiting for their condition
	pendingAsync []asyncRequest
	asyncResults map[string]value.Value
	locals       map[any]any

	// Getenv reads the environment (ZEEK_ALLOW_INIT_ERRORS); tests replace it.
	Getenv func(string) string
}

type event struct {
	fn   *compile.Function
	args []value.Value
}

// New compiles a checked program for a run writing to stdout and stderr.
func New(chk *check.Program, stdout, stderr io.Writer) *Engine {
	e := &Engine{chk: chk, stdout: stdout, stderr: stderr, Getenv: os.Getenv, asyncResults: map[string]value.Value{}}
	e.prog = compile.Compile(chk, e)
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
	// Without a packet source, network time follows the wall clock.
	e.netTime = float64(time.Now().UnixNano()) / 1e9
	if !e.guard(e.prog.Init) {
		fmt.Fprintln(e.stderr, "fatal error: failed to execute script statements at top-level scope")
		return 1
	}
	before := e.errors
	e.raise("zeek_init")
	e.drain()
	if e.errors > before && e.Getenv("ZEEK_ALLOW_INIT_ERRORS") == "" {
		fmt.Fprintln(e.stderr, "fatal error: errors occurred while initializing")
		return 1
	}
	// No packet source: the run ends; pending timers still fire, in time
	// order, each followed by the events it raised.
	for e.timers.Len() > 0 {
		t := heap.Pop(&e.timers).(*timer)
		if t.at > e.netTime {
			e.netTime = t.at
		}
		t.run()
		e.drain()
	}
	e.raise("zeek_done")
	e.drain()
	return 0
}

// raise queues the named global event when it has handlers.
func (e *Engine) raise(name string) {
	s := e.chk.Lookup(name)
	if s == nil || s.Func == nil {
		return
	}
	if fn := e.prog.Funcs[s.Func]; fn != nil && fn.Handled() {
		e.queue = append(e.queue, event{fn: fn})
	}
}

// drain runs queued events until none is left.
func (e *Engine) drain() {
	for {
		for len(e.queue) > 0 {
			ev := e.queue[0]
			e.queue = e.queue[1:]
			e.dispatch(ev)
			e.triggerPass()
		}
		// Answers to async requests made by the last event arrive now.
		if len(e.pendingAsync) == 0 {
			return
		}
		e.triggerPass()
	}
}

// dispatch runs every handler of an event, each in its own frame.
func (e *Engine) dispatch(ev event) {
	for _, b := range ev.fn.Bodies {
		args := bindArgs(b, ev.args)
		e.guard(func() { compile.RunHandler(b, args) })
	}
}

// bindArgs maps the canonical arguments to the handler's prototype.
func bindArgs(b *compile.Body, args []value.Value) []value.Value {
	m := b.Check.ArgMap
	if m == nil {
		return args
	}
	out := make([]value.Value, len(m))
	for i, j := range m {
		if j < len(args) {
			out[i] = args[j]
		}
	}
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
	d := err.Diagnostic()
	kind := err.Kind
	if kind == "" {
		kind = "expression error"
	}
	fmt.Fprintf(e.stderr, "%s in %s: %s", kind, d.Location(), d.Msg)
	if d.Expr != "" {
		fmt.Fprintf(e.stderr, " (%s)", d.Expr)
	}
	fmt.Fprintln(e.stderr)
}

// Print implements compile.Runtime.
func (e *Engine) Print(line string) { fmt.Fprintln(e.stdout, line) }

// Queue implements compile.Runtime.
func (e *Engine) Queue(fn *compile.Function, args []value.Value) {
	if fn.Handled() {
		e.queue = append(e.queue, event{fn, args})
	}
}

// Schedule implements compile.Runtime.
func (e *Engine) Schedule(after float64, fn *compile.Function, args []value.Value) {
	e.addTimer(after, func() { e.dispatch(event{fn, args}) })
}

// RunHook implements compile.Runtime: handlers in priority order; a
// "break" in one stops the rest and makes the result false.
func (e *Engine) RunHook(fn *compile.Function, args []value.Value) bool {
	for _, b := range fn.Bodies {
		if compile.RunHandler(b, bindArgs(b, args)) {
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

// Report prints a built-in's message the way Zeek's reporter does without
// a location ("error: msg", "warning: msg"; info has no prefix).
func (c ctx) Report(level, msg string) {
	if level == "" || level == "info" {
		fmt.Fprintln(c.e.stderr, msg)
		return
	}
	fmt.Fprintf(c.e.stderr, "%s: %s\n", level, msg)
}

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
// timeout.
type timer struct {
	at  float64
	seq int
	run func()
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
