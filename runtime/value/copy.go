package value

import (
	"github.com/gobro/gobro/lang/types"
)

// Assignment, argument passing and container insertion share aggregates:
// a record, vector, table or set value is a pointer, and every holder sees
// later changes ("shallow" semantics, as in Zeek). Strings, addrs, subnets
// and patterns are immutable, so sharing them is invisible. Functions,
// files and opaques are handles and are always shared.
//
// copy(x) is Copy: a deep copy in which shared substructure stays shared
// and cycles are preserved (a record that refers to itself yields a copy
// that refers to the copy).

// Cloner is implemented by opaques whose state copy() duplicates (hash
// states, for instance); others are shared by copy().
type Cloner interface {
	Clone() Opaque
}

// Copy returns a deep copy of v, of type t.
func Copy(v Value, t types.Type) Value {
	c := copier{}
	return c.copy(v, t)
}

// copier remembers each aggregate copied (original pointer → its copy).
// Most copies are of a few aggregates (a conn_id key and its ctx), so
// the first few pairs sit in an array searched in order and a map is
// made only past them.
type copier struct {
	few  [8][2]any
	n    int
	done map[any]any
}

func (c *copier) memo(orig, cp any) {
	if c.n < len(c.few) {
		c.few[c.n] = [2]any{orig, cp}
		c.n++
		return
	}
	if c.done == nil {
		c.done = map[any]any{}
	}
	c.done[orig] = cp
}

func (c *copier) copied(orig any) (any, bool) {
	for _, p := range c.few[:c.n] {
		if p[0] == orig {
			return p[1], true
		}
	}
	cp, ok := c.done[orig]
	return cp, ok
}

func (c *copier) copy(v Value, t types.Type) Value {
	if v.P == nil || v.IsUnset() {
		return v
	}
	switch v.P.(type) {
	case *Record, *Vector, *Table, *Any:
		if cp, ok := c.copied(v.P); ok {
			return Value{N: v.N, P: cp}
		}
	}
	switch x := v.P.(type) {
	case *Record:
		if x.src != nil && x.src.Live != nil {
			return Value{P: c.snapshot(x)}
		}
		r := &Record{Type: x.Type, set: x.set, src: x.src}
		if nums := x.numSlots(); len(nums) > 0 {
			r.storeNums(append([]uint64(nil), nums...))
		}
		xvals, vals := x.valSlots(), make([]Value, x.vlen)
		r.storeVals(vals)
		c.memo(x, r)
		rt := x.Type
		if rt == nil {
			rt, _ = t.(*types.RecordType)
		}
		x.eachVal(func(i, k int) {
			ft := types.Type(types.AnyType)
			if rt != nil && i < len(rt.Fields) {
				ft = rt.Fields[i].Type
			}
			vals[k] = c.copy(xvals[k], ft)
		})
		return Value{P: r}
	case *Vector:
		w := &Vector{Type: x.Type, Elems: make([]Value, len(x.Elems))}
		c.memo(x, w)
		var et types.Type = types.AnyType
		if x.Type != nil {
			et = x.Type.Elem
		} else if vt, ok := t.(*types.VectorType); ok {
			et = vt.Elem
		}
		for i, e := range x.Elems {
			w.Elems[i] = c.copy(e, et)
		}
		return Value{P: w}
	case *Table:
		return Value{P: c.copyTable(x)}
	case *Any:
		a := &Any{Type: x.Type, Value: c.copy(x.Value, x.Type)}
		c.memo(x, a)
		return Value{P: a}
	case Cloner:
		o := x.Clone()
		c.memo(v.P, o)
		return Value{P: o}
	}
	return v
}

// snapshot copies a record with live fields (Source) into a plain one
// holding their values now: a copy does not follow the engine's state.
// It has room for what the record stores and its source supplies.
func (c *copier) snapshot(x *Record) *Record {
	rt := x.Type
	r := EmptyRecord(rt, x.set|x.src.Live.LiveMask(x)|rt.ContainerDefaults())
	c.memo(x, r)
	x.Each(func(i int, v Value) bool {
		ft := types.Type(types.AnyType)
		if i < len(rt.Fields) {
			ft = rt.Fields[i].Type
		}
		r.SetField(i, c.copy(v, ft))
		return true
	})
	return r
}
