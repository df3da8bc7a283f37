package value

import (
	"math/bits"

	"github.com/gobro/gobro/lang/types"
)

// Record is a record value. It stores only the fields that hold a
// value: most records a run keeps (a connection's, its log rows) have
// many optional fields of which few are set, and a slot costs 24 bytes
// whether set or not.
//
// Bit i of set says field i is present; vals holds the present fields in
// field order, so field i is vals[popcount(set below bit i)]. A record
// whose type has more than 64 fields (or gains one by `redef record`
// past 64) is dense instead: every bit set and vals indexed by field,
// unset fields holding None. Both forms read the same way for i < 64,
// so the fast path has no mode test.
//
// A field added by `redef record` after the value was made reads as
// unset until assigned.
type Record struct {
	Type *types.RecordType
	set  uint64
	vals []Value
}

// sparseMax is how many fields the bitmap covers.
const sparseMax = 64

// NewRecord makes a record of type rt with every field unset but for
// &default containers, which start empty (a record, table or vector), so
// `r$f` and `add r$s[x]` work on them as in Zeek.
func NewRecord(rt *types.RecordType) *Record { return withDefaults(EmptyRecord(rt, 0)) }

// NewFullRecord is NewRecord with room for every field, for a maker that
// fills them all (the engine's endpoint and conn_id records).
func NewFullRecord(rt *types.RecordType) *Record {
	return withDefaults(EmptyRecord(rt, len(rt.Fields)))
}

func withDefaults(r *Record) *Record {
	for i, f := range r.Type.Fields {
		if f.Default == nil {
			continue
		}
		switch t := f.Type.(type) {
		case *types.RecordType:
			r.SetField(i, Value{P: NewRecord(t)})
		case *types.TableType:
			r.SetField(i, Value{P: NewTable(t)})
		case *types.VectorType:
			r.SetField(i, Value{P: &Vector{Type: t}})
		}
	}
	return r
}

// EmptyRecord makes a record of type rt with no field set, not even
// &default ones, and room for n fields: for a maker that sets the
// fields itself (constructors, conversions).
func EmptyRecord(rt *types.RecordType, n int) *Record {
	if len(rt.Fields) > sparseMax {
		return &Record{Type: rt, set: ^uint64(0), vals: filled(len(rt.Fields))}
	}
	r := &Record{Type: rt}
	if n > 0 {
		r.vals = make([]Value, 0, n)
	}
	return r
}

// RecordOf makes a record of type rt from a value per field in field
// order (None for unset; missing trailing fields are unset).
func RecordOf(rt *types.RecordType, fields []Value) *Record {
	r := EmptyRecord(rt, len(fields))
	for i, v := range fields {
		r.SetField(i, v)
	}
	return r
}

func filled(n int) []Value {
	vs := make([]Value, n)
	for i := range vs {
		vs[i] = None
	}
	return vs
}

// dense reports whether the record stores every field (see Record).
func (r *Record) dense() bool { return len(r.vals) > sparseMax }

// Field is field i's value, None when unset.
func (r *Record) Field(i int) Value {
	if uint(i) < sparseMax {
		bit := uint64(1) << uint(i)
		if r.set&bit == 0 {
			return None
		}
		return r.vals[bits.OnesCount64(r.set&(bit-1))]
	}
	if i >= 0 && i < len(r.vals) && r.dense() {
		return r.vals[i]
	}
	return None
}

// Has reports whether field i holds a value.
func (r *Record) Has(i int) bool { return !r.Field(i).IsUnset() }

// SetField sets field i to v; None unsets it.
func (r *Record) SetField(i int, v Value) {
	if i < 0 {
		return
	}
	if r.dense() || i >= sparseMax {
		r.setDense(i, v)
		return
	}
	bit := uint64(1) << uint(i)
	k := bits.OnesCount64(r.set & (bit - 1))
	switch {
	case r.set&bit != 0 && v.IsUnset():
		r.vals = append(r.vals[:k], r.vals[k+1:]...)
		r.vals[:len(r.vals)+1][len(r.vals)] = Value{} // drop the reference
		r.set &^= bit
	case r.set&bit != 0:
		r.vals[k] = v
	case v.IsUnset():
	default:
		r.grow()
		r.vals = r.vals[:len(r.vals)+1]
		copy(r.vals[k+1:], r.vals[k:])
		r.vals[k] = v
		r.set |= bit
	}
}

// grow makes room for one more field: doubling, as append does, but
// never past the type's field count, so a record that fills up ends at
// the dense size. (Growing by half kept idle records 48 bytes smaller
// but made half again as much garbage while records fill.)
func (r *Record) grow() {
	n := len(r.vals)
	if n < cap(r.vals) {
		return
	}
	c := 2*n + 2
	if r.Type != nil {
		c = max(min(c, len(r.Type.Fields)), n+1)
	}
	vals := make([]Value, n, c)
	copy(vals, r.vals)
	r.vals = vals
}

// setDense stores field i of a record that is or becomes dense.
func (r *Record) setDense(i int, v Value) {
	if !r.dense() {
		n := max(len(r.Type.Fields), i+1, sparseMax+1)
		vals := filled(n)
		for s, k := r.set, 0; s != 0; s &= s - 1 {
			vals[bits.TrailingZeros64(s)] = r.vals[k]
			k++
		}
		r.set, r.vals = ^uint64(0), vals
	}
	for i >= len(r.vals) {
		r.vals = append(r.vals, None)
	}
	r.vals[i] = v
}

// NumFields is how many fields the record's type has.
func (r *Record) NumFields() int { return len(r.Type.Fields) }

// Each calls f with every set field in field order, until f returns
// false.
func (r *Record) Each(f func(i int, v Value) bool) {
	if r.dense() {
		for i, v := range r.vals {
			if !v.IsUnset() && !f(i, v) {
				return
			}
		}
		return
	}
	k := 0
	for s := r.set; s != 0; s &= s - 1 {
		if !f(bits.TrailingZeros64(s), r.vals[k]) {
			return
		}
		k++
	}
}

// eachSlot calls f with the field index and slot of every stored value
// (in a dense record, unset ones too).
func (r *Record) eachSlot(f func(i, k int)) {
	if r.dense() {
		for k := range r.vals {
			f(k, k)
		}
		return
	}
	k := 0
	for s := r.set; s != 0; s &= s - 1 {
		f(bits.TrailingZeros64(s), k)
		k++
	}
}

// Values is a new slice of every field's value in field order, None
// for unset ones: the record as a key or an argument list.
func (r *Record) Values() []Value {
	vs := filled(r.NumFields())
	r.Each(func(i int, v Value) bool {
		if i < len(vs) {
			vs[i] = v
		}
		return true
	})
	return vs
}

// Get is a field by name (None when unset or absent).
func (r *Record) Get(name string) Value {
	if f := r.Type.Field(name); f != nil {
		return r.Field(f.Offset)
	}
	return None
}

// Set sets a field by name; a name the type lacks is ignored (script
// types may be trimmed, e.g. under -b).
func (r *Record) Set(name string, v Value) {
	if f := r.Type.Field(name); f != nil {
		r.SetField(f.Offset, v)
	}
}
