package value

import (
	"github.com/gobro/gobro/lang/types"
)

// Equal reports whether a and b, both of type t, are equal: what `==`,
// `!=`, switch cases and container membership mean.
//
// Scalars compare by value (doubles numerically, so NaN != NaN and
// -0 == 0); strings, addrs and subnets by content; patterns by their
// stored text; records and vectors field by field; sets and tables by
// content, regardless of order; functions by name (each named function,
// event, hook or lambda is one object); opaques and files by identity;
// any values by dynamic type and then value. An unset value equals only
// another unset value.
func Equal(a, b Value, t types.Type) bool {
	return equal(a, b, t, nil)
}

type ptrPair struct{ a, b any }

func equal(a, b Value, t types.Type, seen map[ptrPair]bool) bool {
	if a.IsUnset() || b.IsUnset() {
		return a.IsUnset() && b.IsUnset()
	}
	switch t.Kind() {
	case types.Bool, types.Count, types.Int, types.Enum, types.Port:
		return a.N == b.N
	case types.Double, types.Time, types.Interval:
		return a.Double() == b.Double()
	case types.String:
		return a.Str() == b.Str()
	case types.Addr:
		return a.Addr() == b.Addr()
	case types.Subnet:
		return a.Subnet() == b.Subnet()
	case types.Pattern:
		p, _ := a.P.(*Pattern)
		q, _ := b.P.(*Pattern)
		return p == q || (p != nil && q != nil && p.Text() == q.Text())
	case types.Func:
		f, _ := a.P.(*Func)
		g, _ := b.P.(*Func)
		return f == g || (f != nil && g != nil && f.Name != "" && f.Name == g.Name)
	case types.Opaque, types.File:
		return a.P == b.P
	case types.Any:
		x, _ := a.P.(*Any)
		y, _ := b.P.(*Any)
		if x == nil || y == nil {
			return x == y
		}
		return types.Identical(x.Type, y.Type) && equal(x.Value, y.Value, x.Type, seen)
	}

	// Aggregates: identical references are equal; a pair already being
	// compared is assumed equal so cyclic values terminate.
	if a.P == b.P {
		return true
	}
	key := ptrPair{a.P, b.P}
	if seen[key] {
		return true
	}
	if seen == nil {
		seen = map[ptrPair]bool{}
	}
	seen[key] = true

	switch t.Kind() {
	case types.Record:
		r, _ := a.P.(*Record)
		s, _ := b.P.(*Record)
		if r == nil || s == nil {
			return false
		}
		for i, f := range t.(*types.RecordType).Fields {
			if !equal(r.Field(i), s.Field(i), f.Type, seen) {
				return false
			}
		}
		return true
	case types.Vector:
		v, _ := a.P.(*Vector)
		w, _ := b.P.(*Vector)
		if v == nil || w == nil || len(v.Elems) != len(w.Elems) {
			return false
		}
		et := t.(*types.VectorType).Elem
		for i := range v.Elems {
			if !equal(v.Elems[i], w.Elems[i], et, seen) {
				return false
			}
		}
		return true
	case types.Table, types.Set:
		x, _ := a.P.(*Table)
		y, _ := b.P.(*Table)
		if x == nil || y == nil || x.Len() != y.Len() {
			return false
		}
		yt := x.Type.Yield
		for pos := x.Next(-1, x.End()); pos >= 0; pos = x.Next(pos, x.End()) {
			i := y.findKey(&x.ents[pos])
			if i < 0 {
				return false
			}
			if yt != nil && !equal(x.ents[pos].val, y.ents[y.slots[i].pos-1].val, yt, seen) {
				return false
			}
		}
		return true
	}
	return false
}
