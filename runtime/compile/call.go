package compile

import (
	"fmt"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// args compiles call arguments against a signature: converted to the
// parameter types, trailing defaults filled in, extra (variadic) arguments
// boxed as any.
func (c *compiler) args(call *ast.CallExpr, ft *types.FuncType) func(*Frame) []value.Value {
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
	return func(fr *Frame) []value.Value {
		out := make([]value.Value, len(fs))
		for i, f := range fs {
			out[i] = f(fr)
		}
		return out
	}
}

func (c *compiler) call(e *ast.CallExpr) expr {
	if id, ok := e.Fun.(*ast.Ident); ok {
		if s := c.chk.Uses[id]; s != nil {
			switch s.Kind {
			case check.TypeSym:
				return c.typedConstructor(e, s.Type)
			case check.FuncSym:
				fn := c.out.Funcs[s.Func]
				args := c.args(e, s.Func.Type)
				return func(fr *Frame) value.Value { return invoke(fn, args(fr), e) }
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
		return Call(fv, args(fr), e)
	}
}

// invoke calls a function with evaluated arguments.
func invoke(fn *Function, args []value.Value, call ast.Node) value.Value {
	if fn.Builtin != nil {
		return fn.Builtin(args, call)
	}
	if len(fn.Bodies) == 0 {
		fail(call, "function %s called but not defined", fn.Name)
	}
	return runBody(fn.Bodies[0], args, nil)
}

// Call calls a function value (a function or a closure) with evaluated
// arguments; call is where, for error messages.
func Call(fv *value.Func, args []value.Value, call ast.Node) value.Value {
	switch impl := fv.Impl.(type) {
	case *Function:
		return invoke(impl, args, call)
	case *closure:
		return runBody(impl.body, args, impl.captured)
	}
	fail(call, "not a function")
	return value.None
}

// runBody runs a body in a new frame: parameters first, then captured
// values in their slots.
func runBody(b *Body, args []value.Value, captured []capturedSlot) value.Value {
	p := b.prog
	if p.depth >= p.MaxDepth && p.MaxDepth > 0 || p.depth >= HardDepth {
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
	p.depth++
	defer func() { p.depth-- }()
	fr := &Frame{Slots: newSlots(b.Slots)}
	b.bind(fr, args)
	for _, cs := range captured {
		fr.Slots[cs.slot] = cs.v
	}
	if b.Run(fr) == ctrlReturn {
		return fr.ret
	}
	return value.None
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
			// Zeek reports BIF complaints as plain errors and goes on
			// with the zero value.
			c.rt.Report(&Error{Node: call, Msg: err.Error(), Expr: exprText(call), Kind: "error"})
			return zeroOf(result)
		}
		return v
	}
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
		return func(*Frame) value.Value { fail(call, "not a hook"); return value.None }
	}
	fn := c.out.Funcs[s.Func]
	args := c.args(call, s.Func.Type)
	return func(fr *Frame) value.Value { return value.Bool(c.rt.RunHook(fn, args(fr))) }
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
func RunHandler(b *Body, args []value.Value) (broke bool) {
	fr := &Frame{Slots: newSlots(b.Slots)}
	b.bind(fr, args)
	return b.Run(fr) == ctrlBreak
}
