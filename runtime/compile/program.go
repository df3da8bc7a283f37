package compile

import (
	"sort"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// BuiltinContext is what built-ins may ask of the runtime.
type BuiltinContext = builtins.Context

// compiler holds the state of one compilation.
type compiler struct {
	chk *check.Program
	out *Program
	rt  Runtime
	cur *check.Body // the body being compiled (for return conversions)
}

// Compile compiles a checked program against a runtime.
func Compile(chk *check.Program, rt Runtime) *Program {
	out := &Program{
		Checked: chk,
		Globals: make([]value.Value, len(chk.Globals)),
		Funcs:   map[*check.Func]*Function{},
		rt:      rt,
	}
	for i := range out.Globals {
		out.Globals[i] = value.None
	}
	c := &compiler{chk: chk, out: out, rt: rt}
	// Every function object first, so bodies can refer to each other.
	for _, f := range chk.Funcs {
		out.Funcs[f] = &Function{Name: f.Sym.Name, Type: f.Type, Kind: f.Type.Flavor}
	}
	for _, f := range chk.Funcs {
		fn := out.Funcs[f]
		if f.Builtin {
			fn.Builtin = c.builtin(f)
		}
		for _, b := range f.Bodies {
			fn.Bodies = append(fn.Bodies, c.body(b))
		}
		if fn.Kind != ast.Function {
			// Handlers run by priority, higher first; ties keep load order.
			sort.SliceStable(fn.Bodies, func(i, j int) bool { return fn.Bodies[i].Priority > fn.Bodies[j].Priority })
		}
		if f.Sym.Slot >= 0 && f.Sym.Slot < len(out.Globals) {
			out.Globals[f.Sym.Slot] = value.Value{P: &value.Func{Name: fn.Name, Type: fn.Type, Impl: fn}}
		}
	}
	out.Init = c.init()
	return out
}

// init evaluates global initialisers and redefs in declaration order,
// then runs the top-level statements.
func (c *compiler) init() func() {
	var steps []func()
	top := c.chk.Top
	for _, s := range c.chk.Globals {
		if s.Kind == check.FuncSym || s.Kind == check.TypeSym || s.Kind == check.EnumSym {
			continue
		}
		s := s
		slot := &c.out.Globals[s.Slot]
		if s.Init != nil {
			e := c.expr(s.Init, s.Type)
			steps = append(steps, func() { *slot = e(&Frame{Slots: make([]value.Value, top.NumSlots())}) })
		} else {
			steps = append(steps, func() { *slot = zero(s.Type) })
		}
		for _, r := range s.Redefs {
			r := r
			e := c.expr(r.Expr, s.Type)
			switch r.Op {
			case "=":
				steps = append(steps, func() { *slot = e(&Frame{Slots: make([]value.Value, top.NumSlots())}) })
			default:
				op := c.compoundOp(r.Op, s.Type, c.chk.Types[r.Expr], r.Decl)
				steps = append(steps, func() {
					*slot = op(*slot, e(&Frame{Slots: make([]value.Value, top.NumSlots())}))
				})
			}
		}
	}
	stmts := c.block(c.chk.TopStmts)
	return func() {
		for _, s := range steps {
			s()
		}
		fr := &Frame{Slots: newSlots(top.NumSlots())}
		stmts(fr)
	}
}

func newSlots(n int) []value.Value {
	s := make([]value.Value, n)
	for i := range s {
		s[i] = value.None
	}
	return s
}

// body compiles one function body or handler.
func (c *compiler) body(b *check.Body) *Body {
	out := &Body{Check: b, Slots: b.NumSlots(), Priority: b.Priority}
	save := c.cur
	c.cur = b
	defer func() { c.cur = save }()
	var stmts []ast.Stmt
	if b.Decl != nil {
		stmts = b.Decl.Body.Stmts
	} else if b.Lambda != nil {
		stmts = b.Lambda.Body.Stmts
	}
	out.Run = c.block(stmts)
	return out
}

// zero is the value a global of type t starts with when it has no
// initialiser: containers are empty, other types unset.
func zero(t types.Type) value.Value {
	switch t := t.(type) {
	case *types.TableType:
		return value.Value{P: value.NewTable(t)}
	case *types.VectorType:
		return value.Value{P: &value.Vector{Type: t}}
	}
	return value.None
}
