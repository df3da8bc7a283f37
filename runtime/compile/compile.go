// Package compile turns a checked program (lang/check.Program) into Go
// closures. Every identifier is already resolved to a global slot or a
// frame slot and every expression typed, so the closures do no lookups by
// name and no type dispatch that the static type could decide.
//
// Run-time errors (a missing field, a bad index, division by zero) panic
// with an *Error; the engine recovers at the handler boundary, reports the
// error as Zeek does, and goes on with the next handler — the same effect
// as Zeek aborting the handler, without an error check on every operation.
package compile

import (
	"fmt"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Error is a run-time error of a script: where it happened, Zeek's message,
// and the offending expression re-rendered.
type Error struct {
	Node ast.Node
	Msg  string
	// Expr is the expression as the message shows it; empty for an
	// expression error means "Node, described by the program" (with
	// default arguments, which only the checked program knows; see
	// DescribesNode).
	Expr string
	// Kind is Zeek's prefix: "expression error", "runtime error" or
	// "error" (a built-in's complaint).
	Kind string
}

func (e *Error) Error() string { return e.Diagnostic().Header() }

// Diagnostic renders the error in the shared diagnostic form.
func (e *Error) Diagnostic() *diag.Diagnostic {
	d := &diag.Diagnostic{Severity: diag.Error, Msg: e.Msg, Expr: e.Expr}
	if e.DescribesNode() {
		d.Expr = exprText(e.Node)
	}
	if e.Node != nil {
		d.Pos, d.End = e.Node.Pos(), e.Node.EndPos()
	}
	return d
}

// DescribesNode tells whether the message shows its node's expression,
// to be described by the checked program (an expression error raised
// by fail).
func (e *Error) DescribesNode() bool {
	_, isExpr := e.Node.(ast.Expr)
	return isExpr && e.Expr == "" && e.Kind == "expression error"
}

// fail raises a run-time error at n.
func fail(n ast.Node, format string, args ...any) {
	panic(&Error{Node: n, Msg: fmt.Sprintf(format, args...), Kind: "expression error"})
}

// warn reports a run-time warning at n (Zeek's "expression warning"): the
// code goes on. text is the expression as Zeek describes it.
func (c *compiler) warn(n ast.Node, text, format string, args ...any) {
	c.rt.Report(&Error{Node: n, Msg: fmt.Sprintf(format, args...), Expr: text, Kind: "expression warning"})
}

func exprText(n ast.Node) string {
	if e, ok := n.(ast.Expr); ok {
		return ast.Format(e)
	}
	return ""
}

// Frame is the activation of one body: its slots by index.
type Frame struct {
	Slots []value.Value
	// ret holds the value of a return statement on its way out.
	ret value.Value
	// depth is how many script calls are active, this one included.
	depth int
	// body runs in this frame; caller is the frame that called it from
	// site (nil for a handler, a when body, the top level).
	body   *Body
	caller *Frame
	site   ast.Node
}

// ctrl is how a statement ends.
type ctrl uint8

const (
	ctrlNext ctrl = iota // fall through to the next statement
	ctrlBreak
	ctrlContinue // Zeek's "next"
	ctrlReturn
	ctrlFallthrough
)

type (
	expr func(*Frame) value.Value
	stmt func(*Frame) ctrl
)

// Runtime is what compiled code needs from the engine.
type Runtime interface {
	// Print writes one print statement's line (already rendered).
	Print(line string)
	// Queue raises an event: its handlers run later, in FIFO order. It
	// copies args.
	Queue(f *Function, args []value.Value)
	// Reserve queues an event whose n arguments the caller then writes
	// into the returned slots, and Commit completes it: the event
	// statement's way of queueing without allocating.
	Reserve(f *Function, n int) ([]value.Value, Reservation)
	Commit(r Reservation)
	// Schedule raises an event after the given interval of network time.
	Schedule(after float64, f *Function, args []value.Value)
	// RunHook runs a hook's handlers now; false when one broke out.
	RunHook(f *Function, args []value.Value) bool
	// Report reports a non-fatal run-time error (a built-in's complaint).
	Report(err *Error)
	// When parks a when statement's trigger (or runs it at once when its
	// condition already holds).
	When(t *Trigger)
	// Builtin returns the runtime's own implementation of a built-in that
	// needs the engine (terminate, global_options...), or nil.
	Builtin(name string) builtins.Impl
	// Context is what built-ins may ask.
	Context() BuiltinContext
	// WatchTable hands the engine a table with &create_expire,
	// &read_expire or &write_expire, to expire its entries on network
	// time.
	WatchTable(t *value.Table)
	// BindTable hands the engine a table with &backend or
	// &broker_store (Attrs.StoreName), to mirror it into that store.
	BindTable(t *value.Table)
}

// Reservation identifies an event reserved in the runtime's queue (a
// plain value, so reserving allocates nothing).
type Reservation struct {
	Chunk, At, Pushes int
	Valid             bool
}

// Program is a compiled program.
type Program struct {
	Checked *check.Program
	Globals []value.Value // by global slot
	// Funcs maps each function, event and hook to its compiled form.
	Funcs map[*check.Func]*Function
	// Init runs global initialisers and redefs, then the top-level
	// statements.
	Init func()
	// Site is the call of the built-in running now (set before each
	// built-in call): where Reporter::* messages and a built-in's
	// complaints are located.
	Site ast.Node
	// MaxDepth is the limit of nested script function calls (Zeek's
	// max_recursion_depth, 1000 by default); 0 means no limit other than
	// HardDepth.
	MaxDepth int
	// FieldDefault evaluates a record field's &default (false without
	// one), for records built outside scripts (the input framework).
	FieldDefault func(f *types.Field) (value.Value, bool)

	rt Runtime
	// curTrigger is the when statement whose condition is being
	// evaluated, curCall the async function call whose body runs (see
	// async.go).
	curTrigger *triggerState
	curCall    *asyncCall

	// c and done let Extend compile what the checked program gains
	// later.
	c    *compiler
	done mark
}

// HardDepth bounds nested calls even when MaxDepth is 0 ("no limit" in
// Zeek), so deep recursion is a script error, never a Go stack overflow.
const HardDepth = 20000

// DefaultMaxDepth is Zeek's default maximum recursion depth.
const DefaultMaxDepth = 1000

// Location renders a node's place as Zeek's reporter does: "FILE, line
// N" or "FILE, lines N-M"; "" for no node.
func Location(n ast.Node) string {
	if n == nil {
		return ""
	}
	return (&Error{Node: n}).Diagnostic().Location()
}

// Function is a compiled function, event or hook: its bodies in the order
// they run (events and hooks: by priority, then load order).
type Function struct {
	Name    string
	Type    *types.FuncType
	Kind    ast.FuncKind
	Bodies  []*Body
	Builtin func(args []value.Value, call ast.Node) value.Value
}

// Body is one compiled body.
type Body struct {
	prog     *Program
	Check    *check.Body
	Slots    int
	Run      stmt
	Priority int
	// paramSlots are the frame slots of the parameters when they are not
	// the first slots (a lambda's captures come first); nil otherwise.
	paramSlots []int
	// narrowed are the slots of parameters the handler narrows from any
	// (check.Body.Narrowed): their boxed arguments are unboxed on entry.
	narrowed []int
	// free holds frames of finished calls for reuse. A frame never
	// outlives its call (when statements copy it, lambdas copy the values
	// they capture), so reusing it saves two allocations per call; a frame
	// lost to a run-time error is simply collected.
	free []*Frame
}

// getFrame returns a frame with every slot unset.
func (b *Body) getFrame() *Frame {
	if n := len(b.free); n > 0 {
		fr := b.free[n-1]
		b.free = b.free[:n-1]
		for i := range fr.Slots {
			fr.Slots[i] = value.None
		}
		fr.ret = value.None
		return fr
	}
	return &Frame{Slots: newSlots(b.Slots), body: b}
}

// putFrame returns a frame for reuse.
func (b *Body) putFrame(fr *Frame) {
	b.free = append(b.free, fr)
}

// bind puts the arguments into a new frame's parameter slots.
func (b *Body) bind(fr *Frame, args []value.Value) {
	if b.paramSlots == nil {
		copy(fr.Slots, args)
	} else {
		for i, s := range b.paramSlots {
			if i < len(args) {
				fr.Slots[s] = args[i]
			}
		}
	}
	for _, s := range b.narrowed {
		if a, ok := fr.Slots[s].P.(*value.Any); ok {
			fr.Slots[s] = a.Value
		}
	}
}

// Handled reports whether the event has any handler.
func (f *Function) Handled() bool { return len(f.Bodies) > 0 }
