package compile

import (
	"errors"
	"fmt"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// argExprs compiles call arguments against a signature: converted to the
// parameter types, trailing defaults filled in, extra (variadic) arguments
// boxed as any.
func (c *compiler) argExprs(call *ast.CallExpr, ft *types.FuncType) []expr {
	var fs []expr
	for i, a := range call.Args {
		var want types.Type = types.AnyType
		if i < len(ft.Params) {
			want = ft.Params[i].Type
		}
		fs = append(fs, c.expr(a, want))
	}
	for i := len(call.Args); i < len(ft.Params); i++ {
		if d := ft.Params[i].Default; d != nil {
			fs = append(fs, c.expr(d, ft.Params[i].Type))
		}
	}
	return fs
}

// args is argExprs evaluated into a fresh slice (for values that outlive
// the call: queued events, built-ins that keep their arguments).
func (c *compiler) args(call *ast.CallExpr, ft *types.FuncType) func(*Frame) []value.Value {
	fs := c.argExprs(call, ft)
	return func(fr *Frame) []value.Value {
		out := make([]value.Value, len(fs))
		for i, f := range fs {
			out[i] = f(fr)
		}
		return out
	}
}

// builtinCall calls a built-in with its arguments in a slice the call
// site reuses: a built-in reads its arguments during the call and keeps
// none of the slice (it copies what it keeps, as events and containers
// do), so a call allocates no argument slice. A call that re-enters the
// same site before returning (a comparison function of sort calling
// sort) gets a fresh slice.
//
// A built-in that only reads its any arguments (builtins.ReadsAnyArgs)
// gets them boxed in an array the call site reuses too, rather than
// each in a new heap box.
func (c *compiler) builtinCall(e *ast.CallExpr, fn *Function, ft *types.FuncType) expr {
	fs := c.argExprs(e, ft)
	buf := make([]value.Value, len(fs))
	var boxes []value.Any // by argument; Type nil where not boxed here
	if builtins.ReadsAnyArgs(fn.Name) {
		for i := len(ft.Params); i < len(e.Args); i++ {
			a := e.Args[i]
			t := c.typeOf(a)
			if to, ok := c.chk.Coerce[a]; ok && to.Kind() != types.Any {
				continue // converted first: left to argExprs
			}
			if _, lit := a.(*ast.BasicLit); lit || t.Kind() == types.Any {
				continue // boxed once at compile time, or not at all
			}
			if boxes == nil {
				boxes = make([]value.Any, len(fs))
			}
			boxes[i].Type, fs[i] = t, c.expr1(a) // its own value, unboxed
		}
	}
	busy := false
	return func(fr *Frame) value.Value {
		args := buf
		reuse := !busy
		if reuse {
			busy = true
			defer func() { busy = false }()
		} else {
			args = make([]value.Value, len(fs))
		}
		for i, f := range fs {
			args[i] = f(fr)
		}
		for i := range boxes {
			b := &boxes[i]
			switch {
			case b.Type == nil:
			case reuse:
				b.Value, args[i] = args[i], value.Value{P: b}
			default:
				args[i] = value.Box(args[i], b.Type)
			}
		}
		v := fn.Builtin(args, e)
		clear(args) // drop references to argument values
		if reuse {
			for i := range boxes {
				boxes[i].Value = value.None
			}
		}
		return v
	}
}

// maxStackArgs is how many arguments a direct call evaluates into a Go
// stack array rather than a heap slice.
const maxStackArgs = 8

func (c *compiler) call(e *ast.CallExpr) expr {
	if id, ok := e.Fun.(*ast.Ident); ok {
		if s := c.chk.Uses[id]; s != nil {
			switch s.Kind {
			case check.TypeSym:
				return c.typedConstructor(e, s.Type)
			case check.FuncSym:
				if s.Func.Assigned {
					// Assigned at run time: call whatever the global holds.
					break
				}
				fn := c.out.Funcs[s.Func]
				if s.Func.Async {
					return c.asyncCallExpr(e, fn, c.args(e, s.Func.Type))
				}
				if s.Func.Builtin {
					return c.builtinCall(e, fn, s.Func.Type)
				}
				if len(e.Args) > maxStackArgs || len(s.Func.Type.Params) > maxStackArgs {
					args := c.args(e, s.Func.Type)
					return func(fr *Frame) value.Value { return invoke(fn, args(fr), e, fr) }
				}
				// A script function: arguments go through a stack array
				// straight into the callee's pooled frame, so a call
				// allocates nothing.
				fs := c.argExprs(e, s.Func.Type)
				return func(fr *Frame) value.Value {
					var buf [maxStackArgs]value.Value
					for i, f := range fs {
						buf[i] = f(fr)
					}
					if len(fn.Bodies) == 0 {
						fail(e, "function %s called but not defined", fn.Name)
					}
					return runBody(fn.Bodies[0], buf[:len(fs)], nil, fr, e)
				}
			}
		}
	}
	// A function value: a variable, a field, a lambda...
	f := c.expr(e.Fun, nil)
	ft, _ := c.typeOf(e.Fun).(*types.FuncType)
	if ft == nil {
		return func(*Frame) value.Value { fail(e, "not a function"); return value.None }
	}
	args := c.args(e, ft)
	return func(fr *Frame) value.Value {
		fv, ok := f(fr).P.(*value.Func)
		if !ok {
			fail(e, "value used but not set")
		}
		return callAt(fv, args(fr), e, fr)
	}
}

// invoke calls a function with evaluated arguments from the caller's frame
// (nil outside any script frame).
func invoke(fn *Function, args []value.Value, call ast.Node, caller *Frame) value.Value {
	if fn.Builtin != nil {
		return fn.Builtin(args, call)
	}
	if len(fn.Bodies) == 0 {
		fail(call, "function %s called but not defined", fn.Name)
	}
	return runBody(fn.Bodies[0], args, nil, caller, call)
}

// Call calls a function value (a function or a closure) with evaluated
// arguments, from outside any script frame (the engine, a built-in); call
// is where, for error messages.
func Call(fv *value.Func, args []value.Value, call ast.Node) value.Value {
	return callAt(fv, args, call, nil)
}

func callAt(fv *value.Func, args []value.Value, call ast.Node, caller *Frame) value.Value {
	switch impl := fv.Impl.(type) {
	case *Function:
		return invoke(impl, args, call, caller)
	case *closure:
		return runBody(impl.body, args, impl.captured, caller, call)
	}
	fail(call, "not a function")
	return value.None
}

// runBody runs a body in a frame of its own: parameters first, then
// captured values in their slots. The frame links to its caller's frame
// and the call site (the script call stack of an error message); the
// depth lives in the frame, not in a counter, so a run-time error
// unwinding through calls leaves nothing to restore.
func runBody(b *Body, args []value.Value, captured []capturedSlot, caller *Frame, site ast.Node) value.Value {
	depth := 0
	if caller != nil {
		depth = caller.depth
	}
	p := b.prog
	if depth >= p.MaxDepth && p.MaxDepth > 0 || depth >= HardDepth {
		limit := p.MaxDepth
		if limit <= 0 || limit > HardDepth {
			limit = HardDepth
		}
		var where ast.Node
		if b.Check.Decl != nil {
			where = b.Check.Decl
		} else if b.Check.Lambda != nil {
			where = b.Check.Lambda
		}
		panic(&Error{Node: where, Msg: fmt.Sprintf("maximum recursion depth %d exceeded", limit), Kind: "runtime error"})
	}
	fr := b.getFrame()
	fr.depth = depth + 1
	fr.caller, fr.site = caller, site
	b.bind(fr, args)
	for _, cs := range captured {
		fr.Slots[cs.slot] = cs.v
	}
	var ret value.Value
	if b.Run(fr) == ctrlReturn {
		ret = fr.ret
	} else {
		ret = value.None
	}
	b.putFrame(fr)
	return ret
}

// builtin binds a BIF to its Go implementation; a missing implementation
// is a run-time error at the call, so scripts that never call it run.
func (c *compiler) builtin(f *check.Func) func([]value.Value, ast.Node) value.Value {
	name := f.Sym.Name
	impl := c.rt.Builtin(name)
	if impl == nil {
		impl = builtins.Impls[name]
	}
	result := f.Type.Result
	p := c.out
	return func(args []value.Value, call ast.Node) value.Value {
		if impl == nil {
			fail(call, "built-in function %s is not implemented yet", name)
		}
		save := p.Site
		p.Site = call
		v, err := impl(c.rt.Context(), args)
		p.Site = save
		if err != nil {
			var rte *builtins.RuntimeError
			if errors.As(err, &rte) {
				// Zeek's RuntimeError: reported at the call and the
				// handler ends (an interpreter exception).
				panic(&Error{Node: call, Msg: rte.Msg, Kind: "runtime error"})
			}
			// Zeek reports a built-in's complaint as a plain error and
			// goes on with the value the built-in returned (sqrt(-4) is
			// -1); a built-in that returned nothing usable gives the zero
			// value of its result type.
			text := exprText(call)
			if x, ok := call.(ast.Expr); ok {
				text = c.chk.Describe(x)
			}
			var ve *builtins.ValueError
			if errors.As(err, &ve) {
				text += " and " + value.Render(ve.Val, ve.Type, value.ModeShort)
			}
			c.rt.Report(&Error{Node: call, Msg: err.Error(), Expr: text, Kind: "error"})
			if v.P == nil && needsP(result) {
				return zeroOf(result)
			}
		}
		return v
	}
}

// needsP tells whether values of type t live in Value.P (so the zero
// Value is not a valid one).
func needsP(t types.Type) bool {
	switch t.Kind() {
	case types.Bool, types.Count, types.Int, types.Double, types.Time, types.Interval, types.Port, types.Enum, types.Void:
		return false
	}
	return true
}

func zeroOf(t types.Type) value.Value {
	switch t.Kind() {
	case types.String:
		return value.String("")
	case types.Record, types.Table, types.Set, types.Vector:
		return zero(t)
	}
	return value.Value{}
}

// closure is a lambda value: its body and the values it captured.
type closure struct {
	body     *Body
	captured []capturedSlot
}

type capturedSlot struct {
	slot int
	v    value.Value
}

func (c *compiler) lambda(e *ast.LambdaExpr) expr {
	cb := c.chk.Lambdas[e]
	b := c.body(cb)
	ft := cb.Proto
	type cap struct {
		outer, inner int
		copy         bool
		t            types.Type
	}
	var caps []cap
	for _, cp := range cb.Captures {
		caps = append(caps, cap{outer: cp.Outer.Slot, inner: cp.Inner.Slot, copy: cp.Copy, t: cp.Outer.Type})
	}
	name := fmt.Sprintf("lambda_<%p>", e)
	return func(fr *Frame) value.Value {
		cl := &closure{body: b}
		for _, cp := range caps {
			v := fr.Slots[cp.outer]
			if cp.copy {
				v = value.Copy(v, cp.t)
			}
			cl.captured = append(cl.captured, capturedSlot{cp.inner, v})
		}
		return value.Value{P: &value.Func{Name: name, Type: ft, Impl: cl}}
	}
}

func (c *compiler) hookCall(call *ast.CallExpr) expr {
	id, _ := call.Fun.(*ast.Ident)
	s := c.chk.Uses[id]
	if s == nil || s.Func == nil {
		return c.hookValueCall(call)
	}
	fn := c.out.Funcs[s.Func]
	args := c.args(call, s.Func.Type)
	return func(fr *Frame) value.Value { return value.Bool(c.rt.RunHook(fn, args(fr))) }
}

// hookValueCall runs a hook held in a variable (Conn's removal hooks
// keep them in a set): the hook is looked up when the call runs.
func (c *compiler) hookValueCall(call *ast.CallExpr) expr {
	ft, _ := c.typeOf(call.Fun).(*types.FuncType)
	if ft == nil {
		return func(*Frame) value.Value { fail(call, "not a hook"); return value.None }
	}
	callee := c.expr(call.Fun, ft)
	args := c.args(call, ft)
	return func(fr *Frame) value.Value {
		f, _ := callee(fr).P.(*value.Func)
		if f == nil {
			fail(call, "not a hook")
			return value.None
		}
		fn, _ := f.Impl.(*Function)
		if fn == nil {
			fail(call, "not a hook")
			return value.None
		}
		return value.Bool(c.rt.RunHook(fn, args(fr)))
	}
}

func (c *compiler) eventCall(call *ast.CallExpr) (*Function, func(*Frame) []value.Value) {
	id, _ := call.Fun.(*ast.Ident)
	s := c.chk.Uses[id]
	if s == nil || s.Func == nil {
		return nil, nil
	}
	return c.out.Funcs[s.Func], c.args(call, s.Func.Type)
}

func (c *compiler) schedule(e *ast.ScheduleExpr) expr {
	when := c.expr(e.When, nil)
	wt := c.typeOf(e.When)
	fn, args := c.eventCall(e.Event)
	return func(fr *Frame) value.Value {
		if fn == nil {
			fail(e, "not an event")
		}
		after := when(fr).Double()
		if wt.Kind() == types.Time {
			after -= c.rt.Context().NetworkTime()
		}
		c.rt.Schedule(after, fn, args(fr))
		return value.None
	}
}

// RunHandler runs an event or hook handler with its arguments; it reports
// whether the handler ended with "break" (which stops a hook chain).
//
// A run-time error ends the handler: it is reported and RunHandler returns
// as if the handler had finished, so the remaining handlers of the event
// or hook still run and a hook call goes on (Zeek's ScriptFunc::Invoke
// catches the error per body for events and hooks; only plain functions
// pass it on to their caller).
func RunHandler(b *Body, args []value.Value) (broke bool) {
	defer func() {
		if r := recover(); r != nil {
			err, ok := r.(*Error)
			if !ok {
				panic(r)
			}
			b.prog.rt.Report(err)
			broke = false
		}
	}()
	fr := b.getFrame()
	fr.caller, fr.site = nil, nil
	b.bind(fr, args)
	broke = b.Run(fr) == ctrlBreak
	b.putFrame(fr)
	return broke
}

// callStack renders the script calls active at fr, innermost first, as
// Zeek writes a call stack into a message: "| #0 f(args) at FILE:LINE |
// #1 ... | #N handler(args) " (arguments in the short rendering; the
// outermost frame, a handler, has no call site).
func (p *Program) callStack(fr *Frame) string {
	var b []byte
	pr := value.Printer{Mode: value.ModeShort}
	for i := 0; fr != nil; fr, i = fr.caller, i+1 {
		b = fmt.Appendf(b, "| #%d %s(", i, fr.body.name())
		for j, s := range fr.body.Check.Params {
			if j > 0 {
				b = append(b, ", "...)
			}
			b = pr.Append(b, fr.Slots[s.Slot], s.Type)
		}
		b = append(b, ')')
		if fr.site != nil {
			pos := fr.site.Pos()
			b = fmt.Appendf(b, " at %s:%d", pos.File, pos.Line)
		}
		b = append(b, ' ')
	}
	return string(b)
}

// name is the function a body belongs to, as a call stack shows it.
func (b *Body) name() string {
	switch {
	case b.Check.Func != nil:
		return b.Check.Func.Sym.Name
	case b.Check.Lambda != nil:
		return "lambda"
	}
	return "<top level>"
}
