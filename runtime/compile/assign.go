package compile

import (
	"fmt"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// store compiles the place an assignment writes to.
func (c *compiler) store(lhs ast.Expr) func(fr *Frame, v value.Value) {
	switch l := lhs.(type) {
	case *ast.Ident:
		s := c.chk.Uses[l]
		if s != nil && s.Kind == check.LocalVar {
			slot := s.Slot
			return func(fr *Frame, v value.Value) { fr.Slots[slot] = v }
		}
		if s != nil {
			g := &c.out.Globals[s.Slot]
			return func(_ *Frame, v value.Value) { *g = v }
		}
	case *ast.FieldExpr:
		x := c.expr(l.X, nil)
		rt := c.typeOf(l.X).(*types.RecordType)
		idx := fieldIndex(rt, l.Name)
		return func(fr *Frame, v value.Value) {
			x(fr).P.(*value.Record).SetField(idx, v)
		}
	case *ast.IndexExpr:
		x := c.expr(l.X, nil)
		switch t := c.typeOf(l.X).(type) {
		case *types.VectorType:
			i := c.expr(l.Index[0], types.CountType)
			viaAny := t.Elem.Kind() == types.Any
			return func(fr *Frame, v value.Value) {
				vec := x(fr).P.(*value.Vector)
				if viaAny && vec.Type != nil && vec.Type.Elem.Kind() != types.Any {
					v = c.unboxElem(fr, l, vec, v)
				}
				n := int(i(fr).N)
				for len(vec.Elems) <= n {
					vec.Elems = append(vec.Elems, value.None)
				}
				vec.Elems[n] = v
			}
		case *types.TableType:
			if k1 := c.key1(l.Index, t.Index); k1 != nil {
				p := c.out
				return func(fr *Frame, v value.Value) { p.put1(x(fr).P.(*value.Table), k1(fr), v) }
			}
			key := c.keys(l.Index, t.Index)
			p := c.out
			return func(fr *Frame, v value.Value) { p.put(x(fr).P.(*value.Table), key(fr), v) }
		}
	}
	if sl, ok := lhs.(*ast.SliceExpr); ok && c.typeOf(sl.X).Kind() == types.Vector {
		// v[a:b] = w replaces that range by w's elements.
		x := c.expr(sl.X, nil)
		bounds := c.sliceBounds(sl)
		return func(fr *Frame, v value.Value) {
			vec := x(fr).P.(*value.Vector)
			a, b := bounds(fr, len(vec.Elems))
			repl := v.P.(*value.Vector).Elems
			elems := append(append(append([]value.Value(nil), vec.Elems[:a]...), repl...), vec.Elems[b:]...)
			vec.Elems = elems
		}
	}
	return func(*Frame, value.Value) { fail(lhs, "assignment target not supported yet") }
}

// keys compiles an index list into a key tuple.
func (c *compiler) keys(idx []ast.Expr, want []types.Type) func(*Frame) []value.Value {
	if len(idx) == 1 {
		if l, ok := idx[0].(*ast.ListExpr); ok && len(want) > 1 {
			idx = l.Elems
		}
	}
	fs := make([]expr, len(idx))
	for i, e := range idx {
		var w types.Type
		if i < len(want) {
			w = want[i]
		}
		fs[i] = c.expr(e, w)
	}
	return func(fr *Frame) []value.Value {
		k := make([]value.Value, len(fs))
		for i, f := range fs {
			k[i] = f(fr)
		}
		return k
	}
}

func (c *compiler) assign(e *ast.AssignExpr) expr {
	lt := c.typeOf(e.LHS)
	if l, ok := e.LHS.(*ast.ListExpr); ok && e.Op == "=" {
		return c.multiAssign(l, e.RHS)
	}
	if f := c.localAssign(e, lt); f != nil {
		return f
	}
	set := c.store(e.LHS)
	if e.Op == "=" {
		rhs := c.expr(e.RHS, lt)
		return func(fr *Frame) value.Value {
			v := rhs(fr)
			set(fr, v)
			return v
		}
	}
	get := c.expr(e.LHS, nil)
	rhs := c.expr(e.RHS, nil)
	op := c.compoundOp(e.Op, lt, c.valueType(e.RHS), e)
	if lt.Kind() == types.Vector {
		// Zeek appends to the vector in place and does not assign it
		// back (a &default vector read for a missing key stays out of
		// its table).
		return func(fr *Frame) value.Value { return op(get(fr), rhs(fr)) }
	}
	return func(fr *Frame) value.Value {
		v := op(get(fr), rhs(fr))
		set(fr, v)
		return v
	}
}

// localSlot returns the frame slot when e is a local variable.
func (c *compiler) localSlot(e ast.Expr) (int, bool) {
	id, ok := e.(*ast.Ident)
	if !ok {
		return 0, false
	}
	s := c.chk.Uses[id]
	if s == nil || s.Kind != check.LocalVar {
		return 0, false
	}
	return s.Slot, true
}

// localAssign is the fast path of assignments to a local: "x = e" and
// "x += e" / "x -= e" on int, and "x += e" on count and double, work on
// the slot directly instead of through getter and setter closures (the
// inner loops of real scripts are made of these). Other forms return nil.
func (c *compiler) localAssign(e *ast.AssignExpr, lt types.Type) expr {
	slot, ok := c.localSlot(e.LHS)
	if !ok {
		return nil
	}
	if e.Op == "=" {
		rhs := c.expr(e.RHS, lt)
		return func(fr *Frame) value.Value {
			v := rhs(fr)
			fr.Slots[slot] = v
			return v
		}
	}
	if c.valueType(e.RHS).Kind() != lt.Kind() {
		return nil
	}
	rhs := c.expr(e.RHS, nil)
	unset := func(fr *Frame) {
		if fr.Slots[slot].P == value.Unset {
			fail(e.LHS, "value used but not set")
		}
	}
	switch {
	case lt.Kind() == types.Int && e.Op == "+=", lt.Kind() == types.Count && e.Op == "+=":
		return func(fr *Frame) value.Value {
			unset(fr)
			fr.Slots[slot].N += rhs(fr).N
			return fr.Slots[slot]
		}
	case lt.Kind() == types.Int && e.Op == "-=":
		return func(fr *Frame) value.Value {
			unset(fr)
			fr.Slots[slot].N -= rhs(fr).N
			return fr.Slots[slot]
		}
	case lt.Kind() == types.Double && e.Op == "+=":
		return func(fr *Frame) value.Value {
			unset(fr)
			fr.Slots[slot] = value.Double(fr.Slots[slot].Double() + rhs(fr).Double())
			return fr.Slots[slot]
		}
	}
	return nil
}

// compoundOp implements += and -= for the target type t (numbers,
// strings, vectors append, sets/tables add or remove).
func (c *compiler) compoundOp(op string, t, rt types.Type, n ast.Node) func(a, b value.Value) value.Value {
	switch t.Kind() {
	case types.Vector:
		st := t.(*types.VectorType)
		return func(a, b value.Value) value.Value {
			v := a.P.(*value.Vector)
			if st.Elem.Kind() == types.Any && v.Type != nil && v.Type.Elem.Kind() != types.Any {
				// A vector of some type seen as a vector of any: the
				// element must have the vector's own element type.
				x, ok := b.P.(*value.Any)
				if !ok || !types.Identical(x.Type, v.Type.Elem) {
					fail(n, "type-checking failed in vector append")
				}
				b = x.Value
			}
			v.Elems = append(v.Elems, b)
			return a
		}
	case types.Pattern:
		return func(a, b value.Value) value.Value {
			return value.Value{P: value.AddAlt(a.P.(*value.Pattern), b.P.(*value.Pattern))}
		}
	case types.Set, types.Table:
		return func(a, b value.Value) value.Value {
			dst := a.P.(*value.Table)
			src, ok := b.P.(*value.Table)
			if !ok {
				return a
			}
			tblEach(src, func(k []value.Value, v value.Value) bool {
				if op == "+=" {
					c.out.put(dst, k, v)
				} else {
					c.out.del(dst, k)
				}
				return true
			})
			return a
		}
	}
	bin := "+"
	if op == "-=" {
		bin = "-"
	}
	return c.scalarOp(n, bin, t, t, rt)
}

func (c *compiler) multiAssign(l *ast.ListExpr, rhs ast.Expr) expr {
	r := c.expr(rhs, nil)
	sets := make([]func(*Frame, value.Value), len(l.Elems))
	for i, e := range l.Elems {
		sets[i] = c.store(e)
	}
	return func(fr *Frame) value.Value {
		v := r(fr)
		var elems []value.Value
		if a, ok := v.P.(*value.Any); ok {
			v = a.Value
		}
		if rec, ok := v.P.(*value.Record); ok {
			for i := range min(len(sets), rec.NumFields()) {
				elems = append(elems, rec.Field(i))
			}
		} else if vec, ok := v.P.(*value.Vector); ok {
			elems = vec.Elems
		}
		for i, s := range sets {
			if i < len(elems) {
				s(fr, elems[i])
			}
		}
		return v
	}
}

func (c *compiler) incr(e *ast.IncrExpr) expr {
	if slot, ok := c.localSlot(e.X); ok && !(c.typeOf(e.X).Kind() == types.Count && e.Op == "--") {
		// ++ on a local (and -- on an int): in place on the slot.
		delta := uint64(1)
		if e.Op == "--" {
			delta = ^uint64(0)
		}
		return func(fr *Frame) value.Value {
			if fr.Slots[slot].P == value.Unset {
				fail(e.X, "value used but not set")
			}
			fr.Slots[slot].N += delta
			return fr.Slots[slot]
		}
	}
	get := c.expr(e.X, nil)
	set := c.store(e.X)
	t := c.typeOf(e.X)
	delta := uint64(1)
	if e.Op == "--" {
		delta = ^uint64(0) // -1 in two's complement: wraps counts as Zeek does
	}
	if t.Kind() == types.Count && e.Op == "--" {
		text := exprText(e)
		return func(fr *Frame) value.Value {
			old := get(fr).N
			if old == 0 {
				c.warn(e, text, "count underflow")
			}
			v := value.Value{N: old + delta}
			set(fr, v)
			return v
		}
	}
	return func(fr *Frame) value.Value {
		v := value.Value{N: get(fr).N + delta}
		set(fr, v)
		return v
	}
}

// unboxElem checks an element stored through a "vector of any" view of a
// vector of some other type: it must have the vector's own element type.
// Zeek reports a mismatch as a run-time error with the script call stack.
func (c *compiler) unboxElem(fr *Frame, at *ast.IndexExpr, vec *value.Vector, v value.Value) value.Value {
	x, ok := v.P.(*value.Any)
	if ok && types.Identical(x.Type, vec.Type.Elem) {
		return x.Value
	}
	msg := "vector index assignment failed for invalid type"
	if ok {
		msg += fmt.Sprintf(" '%s', value: %s", x.Type, value.Render(x.Value, x.Type, value.ModeShort))
	}
	msg += ", expression: " + c.chk.Describe(at) + ", call stack: " + c.out.callStack(fr)
	panic(&Error{Node: at, Msg: msg, Kind: "runtime error"})
}
