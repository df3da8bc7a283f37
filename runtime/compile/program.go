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

	fieldDefs map[*types.Field]expr // compiled record field defaults
	printer   *value.Printer
	wake      *Function // see wakeFn
	global    string    // the global whose attributes are compiled (&backend names its store)
}

// fieldDefault evaluates the &default of a record field (for a field a
// redef added after the record was made).
func (c *compiler) fieldDefault(f *types.Field) (value.Value, bool) {
	if f.Default == nil {
		return value.None, false
	}
	e, ok := c.fieldDefs[f]
	if !ok {
		if c.fieldDefs == nil {
			c.fieldDefs = map[*types.Field]expr{}
		}
		e = c.expr(f.Default, f.Type)
		c.fieldDefs[f] = e
	}
	return e(&Frame{Slots: newSlots(c.chk.Top.NumSlots())}), true
}

// printerFor returns the printer print statements use: defaults of
// fields added by redef show as their default.
func (c *compiler) printerFor() *value.Printer {
	if c.printer == nil {
		c.printer = &value.Printer{Mode: value.ModePrint, FieldDefault: c.fieldDefault}
	}
	return c.printer
}

// Compile compiles a checked program against a runtime.
func Compile(chk *check.Program, rt Runtime) *Program {
	out := &Program{
		Checked: chk,
		// Compiled code holds pointers to global slots, so the slice
		// must never move: room is left for the globals a session
		// declares later (Extend).
		Globals:  make([]value.Value, len(chk.Globals), len(chk.Globals)+extendRoom),
		Funcs:    map[*check.Func]*Function{},
		rt:       rt,
		MaxDepth: DefaultMaxDepth,
	}
	for i := range out.Globals {
		out.Globals[i] = value.None
	}
	c := &compiler{chk: chk, out: out, rt: rt}
	out.c = c
	out.FieldDefault = c.fieldDefault
	c.funcs(chk.Funcs)
	out.Init = c.init()
	out.done = c.mark()
	return out
}

// funcs compiles new functions, events and hooks: every function object
// first, so bodies can refer to each other.
func (c *compiler) funcs(fs []*check.Func) {
	for _, f := range fs {
		c.out.Funcs[f] = &Function{Name: f.Sym.Name, Type: f.Type, Kind: f.Type.Flavor}
	}
	for _, f := range fs {
		fn := c.out.Funcs[f]
		if f.Builtin {
			fn.Builtin = c.builtin(f)
		}
		c.bodies(fn, f.Bodies)
		if f.Sym.Slot >= 0 && f.Sym.Slot < len(c.out.Globals) {
			c.out.Globals[f.Sym.Slot] = value.Value{P: &value.Func{Name: fn.Name, Type: fn.Type, Impl: fn}}
		}
	}
}

// bodies compiles bodies of fn and adds them to it.
func (c *compiler) bodies(fn *Function, bs []*check.Body) {
	for _, b := range bs {
		fn.Bodies = append(fn.Bodies, c.body(b))
	}
	if fn.Kind != ast.Function {
		// Handlers run by priority, higher first; ties keep load order.
		sort.SliceStable(fn.Bodies, func(i, j int) bool { return fn.Bodies[i].Priority > fn.Bodies[j].Priority })
	}
}

// init evaluates global initialisers and redefs in declaration order,
// then runs the top-level statements.
func (c *compiler) init() func() {
	steps := c.initSteps(0, 0)
	top := c.chk.Top
	stmts := c.block(c.chk.TopStmts)
	return func() {
		for _, s := range steps {
			s()
		}
		fr := &Frame{Slots: newSlots(top.NumSlots())}
		stmts(fr)
	}
}

// initSteps compiles, in the order they run, the initialisers of the
// globals from slot firstGlobal on and the redefs from number firstRedef
// on (check.Redef.Ord).
func (c *compiler) initSteps(firstGlobal, firstRedef int) []func() {
	var steps []func()
	top := c.chk.Top
	// Redefs run where they were declared: after the initialisers of the
	// globals declared before them (a redef may use a later constant,
	// "redef likely_server_ports += ports"), in declaration order.
	type redefStep struct {
		seq, n int
		f      func()
	}
	var redefs []redefStep
	for i, s := range c.chk.Globals {
		for len(redefs) > 0 && redefs[0].seq <= i {
			steps = append(steps, redefs[0].f)
			redefs = redefs[1:]
		}
		if s.Kind == check.TypeSym || s.Kind == check.EnumSym {
			continue
		}
		s := s
		slot := &c.out.Globals[s.Slot]
		if i >= firstGlobal {
			c.global = s.Name
			mk := c.tableAttrs(s.Attrs, s.Type)
			c.global = ""
			switch {
			case s.Kind == check.FuncSym:
				// funcs gave it its function; only a redef changes that.
			case s.Init != nil:
				e := c.expr(s.Init, s.Type)
				if isCtor(s.Init) {
					e = c.withAttrs(e, mk)
				}
				steps = append(steps, func() { *slot = e(&Frame{Slots: newSlots(top.NumSlots())}) })
			default:
				e := c.withAttrs(c.zeroValue(s.Type), mk)
				steps = append(steps, func() { *slot = e(&Frame{Slots: newSlots(top.NumSlots())}) })
			}
		}
		for _, r := range s.Redefs {
			if r.Ord < firstRedef {
				continue
			}
			r := r
			e := c.expr(r.Expr, s.Type)
			var f func()
			switch r.Op {
			case "=":
				f = func() { *slot = e(&Frame{Slots: make([]value.Value, top.NumSlots())}) }
			default:
				op := c.compoundOp(r.Op, s.Type, s.Type, r.Decl) // e is converted to s.Type
				f = func() {
					*slot = op(*slot, e(&Frame{Slots: make([]value.Value, top.NumSlots())}))
				}
			}
			redefs = append(redefs, redefStep{r.Seq, r.Ord, f})
		}
		sort.SliceStable(redefs, func(a, b int) bool {
			if redefs[a].seq != redefs[b].seq {
				return redefs[a].seq < redefs[b].seq
			}
			return redefs[a].n < redefs[b].n
		})
	}
	for _, r := range redefs {
		steps = append(steps, r.f)
	}
	return steps
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
	out := &Body{prog: c.out, Check: b, Slots: b.NumSlots(), Priority: b.Priority}
	for i, p := range b.Params {
		if p.Slot != i {
			out.paramSlots = make([]int, len(b.Params))
			for j, q := range b.Params {
				out.paramSlots[j] = q.Slot
			}
			break
		}
	}
	for _, i := range b.Narrowed {
		out.narrowed = append(out.narrowed, b.Params[i].Slot)
	}
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
// zeroValue is the value of a variable declared without one: as in Zeek,
// containers start empty and a record starts as its type's empty
// constructor makes it (its &default fields set), so `local r: R;`
// followed by `r$f = x` works.
func (c *compiler) zeroValue(t types.Type) expr {
	if rt, ok := t.(*types.RecordType); ok {
		return c.newRecord(rt, nil)
	}
	return func(*Frame) value.Value { return zero(t) }
}

func zero(t types.Type) value.Value {
	switch t := t.(type) {
	case *types.TableType:
		return value.Value{P: value.NewTable(t)}
	case *types.VectorType:
		return value.Value{P: &value.Vector{Type: t}}
	}
	return value.None
}
