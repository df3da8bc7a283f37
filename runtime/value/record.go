package value

import (
	"math/bits"
	"unsafe"

	"github.com/gobro/gobro/lang/types"
)

// Record is a record value. It stores only the fields that hold a
// value, and a numeric field in 8 bytes: most records a run keeps (a
// connection's, its log rows) have many optional fields of which few
// are set, and many of those are counts, times and enums, while a whole
// Value costs 24 bytes.
//
// Bit i of set says field i is present. Present fields of the type's
// numeric kinds (types.RecordType.NumericMask) keep their N in nums,
// the others their Value in vals, each in field order: field i is at
// the popcount of the set bits below i of its own kind. A record whose
// type has more than 64 fields (or gains one by `redef record` past 64),
// or whose numeric field is given a value that is more than a number, is
// dense instead: no bit set, vals indexed by field with None for unset
// fields, nums unused.
//
// A field added by `redef record` after the value was made reads as
// unset until assigned.
//
// nums and vals point at the first slot of their arrays and keep their
// sizes in small integers beside them, instead of two 24-byte slice
// headers: a record is 48 bytes instead of 64, and a run keeps several
// per connection. A sparse record has at most 64 slots of each kind; a
// dense one as many as its type has fields, which the checker bounds
// (types.MaxRecordFields).
//
// src, when set, supplies the fields the record does not store (see
// Source).
type Record struct {
	Type       *types.RecordType
	set        uint64
	nums       *uint64 // ncap slots; the first popcount(set&numeric) in use
	vals       *Value  // vcap slots; the first vlen in use
	src        *Source
	vlen, vcap uint16
	ncap       uint8
	tag        uint8 // see SetLive
}

// A Source supplies the fields a record does not store, on reading:
//   - the &default containers (types.RecordType.ContainerDefaults) of a
//     record the engine made (NewRecord): each is made empty on first
//     use and stored from then on, so that a connection whose scripts
//     never touch its `failed_analyzers` set or conn_id `ctx` holds
//     neither;
//   - with Live set, fields the engine keeps in its own state (a
//     connection's id, endpoints, history …), read from that state
//     when asked rather than copied into the record before every event.
//
// A stored value hides the supplied one: a script's assignment to a
// live field holds until `delete` or ResetLive.
type Source struct {
	Live LiveFields
}

// LiveFields is the engine state behind the live fields of one or more
// records (a connection's record and its endpoints share one).
type LiveFields interface {
	// LiveMask is the mask of the fields the state supplies to r.
	LiveMask(r *Record) uint64
	// LiveField is r's field i now, None if it has no value.
	LiveField(r *Record, i int) Value
}

// defaultsOnly is the Source of engine-made records without live
// fields.
var defaultsOnly = &Source{}

// SetLive makes the record read the fields of l's mask from l when it
// does not store them (see Source). The engine keeps src beside the
// state it reads; records of one state may share it, each with its own
// tag (LiveTag) to tell l which of them asks.
func (r *Record) SetLive(src *Source, l LiveFields, tag uint8) {
	src.Live = l
	r.src, r.tag = src, tag
}

// LiveTag is the tag SetLive gave the record.
func (r *Record) LiveTag() uint8 { return r.tag }

// ResetLive drops the values a script stored over live fields, so that
// they read the engine's state again: the engine calls it where Zeek
// rewrites a connection's record, before an event carries it.
func (r *Record) ResetLive() {
	if r.src == nil || r.src.Live == nil || r.set == 0 && !r.dense() {
		return // nothing stored: nothing to drop (a connection's id and endpoints, as a rule)
	}
	m := r.src.Live.LiveMask(r)
	if !r.dense() {
		m &= r.set
	}
	for ; m != 0; m &= m - 1 {
		r.SetField(bits.TrailingZeros64(m), None)
	}
}

// supplied is field i of a record with a source, where it stores none.
func (r *Record) supplied(i int) Value {
	bit := uint64(1) << uint(i)
	if l := r.src.Live; l != nil && l.LiveMask(r)&bit != 0 {
		return l.LiveField(r, i)
	}
	if r.Type.ContainerDefaults()&bit == 0 {
		return None
	}
	v := emptyContainer(r.Type.Fields[i].Type)
	r.SetField(i, v)
	return v
}

// emptyContainer is a new empty value of a container type.
func emptyContainer(t types.Type) Value {
	switch t := t.(type) {
	case *types.RecordType:
		return Value{P: NewRecord(t)}
	case *types.TableType:
		return Value{P: NewTable(t)}
	case *types.VectorType:
		return Value{P: &Vector{Type: t}}
	}
	return None
}

// numSlots is the numbers in use.
func (r *Record) numSlots() []uint64 {
	if r.nums == nil {
		return nil
	}
	return unsafe.Slice(r.nums, r.ncap)[:bits.OnesCount64(r.set&r.Type.NumericMask())]
}

// valSlots is the values in use.
func (r *Record) valSlots() []Value {
	if r.vals == nil {
		return nil
	}
	return unsafe.Slice(r.vals, r.vcap)[:r.vlen]
}

// numAt and valAt are slot k of a kind, for a k the set bitmap says is
// in use: pointer arithmetic without the bounds check that rebuilding
// the slice would cost on every field access.
func (r *Record) numAt(k int) *uint64 {
	return (*uint64)(unsafe.Add(unsafe.Pointer(r.nums), uintptr(k)*unsafe.Sizeof(uint64(0))))
}

func (r *Record) valAt(k int) *Value {
	return (*Value)(unsafe.Add(unsafe.Pointer(r.vals), uintptr(k)*unsafe.Sizeof(Value{})))
}

func (r *Record) storeNums(s []uint64) { r.nums, r.ncap = unsafe.SliceData(s), uint8(cap(s)) }

func (r *Record) storeVals(s []Value) {
	r.vals, r.vlen, r.vcap = unsafe.SliceData(s), uint16(len(s)), uint16(cap(s))
}

// sparseMax is how many fields the bitmap covers.
const sparseMax = 64

// AllFields is the mask for EmptyRecord of a maker that sets every field.
const AllFields = ^uint64(0)

// NewRecord makes a record of type rt with every field unset but for
// &default containers, which read as empty ones (a record, table or
// vector), so `r$f` and `add r$s[x]` work on them as in Zeek. They are
// made on first use (see Source).
func NewRecord(rt *types.RecordType) *Record { return NewRecordFor(rt, 0) }

// NewFullRecord is NewRecord with room for every field but the
// &default containers, for a maker that fills them all.
func NewFullRecord(rt *types.RecordType) *Record { return NewRecordFor(rt, AllFields) }

// NewRecordFor is NewRecord with room for the fields of will but the
// &default containers.
func NewRecordFor(rt *types.RecordType, will uint64) *Record {
	return withDefaults(EmptyRecord(rt, will&^rt.ContainerDefaults()))
}

// withDefaults gives r the source of its &default containers; those
// past the first 64 fields are made now.
func withDefaults(r *Record) *Record {
	if r.Type.ContainerDefaults() != 0 {
		r.src = defaultsOnly
	}
	for i := sparseMax; i < len(r.Type.Fields); i++ {
		if f := r.Type.Fields[i]; f.Default != nil {
			if v := emptyContainer(f.Type); !v.IsUnset() {
				r.SetField(i, v)
			}
		}
	}
	return r
}

// EmptyRecord makes a record of type rt with no field set, not even
// &default ones, with room for the fields of mask will (bit i: field
// i), for a maker that sets the fields itself (constructors,
// conversions).
func EmptyRecord(rt *types.RecordType, will uint64) *Record {
	n := len(rt.Fields)
	r := &Record{Type: rt}
	if n > sparseMax {
		r.storeVals(filled(n))
		return r
	}
	if n < sparseMax {
		will &= 1<<n - 1
	}
	num := rt.NumericMask()
	if c := bits.OnesCount64(will & num); c > 0 {
		r.storeNums(make([]uint64, 0, c))
	}
	if c := bits.OnesCount64(will &^ num); c > 0 {
		r.storeVals(make([]Value, 0, c))
	}
	return r
}

// RecordOf makes a record of type rt from a value per field in field
// order (None for unset; missing trailing fields are unset).
func RecordOf(rt *types.RecordType, fields []Value) *Record {
	var will uint64
	for i, v := range fields {
		if i < sparseMax && !v.IsUnset() {
			will |= 1 << i
		}
	}
	r := EmptyRecord(rt, will)
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
func (r *Record) dense() bool { return r.vlen > sparseMax }

// Field is field i's value, None when unset.
func (r *Record) Field(i int) Value {
	if v := r.stored(i); !v.IsUnset() || r.src == nil || i < 0 || i >= sparseMax {
		return v
	}
	return r.supplied(i)
}

// stored is the value the record stores for field i, None if none.
func (r *Record) stored(i int) Value {
	if r.dense() {
		if vals := r.valSlots(); i >= 0 && i < len(vals) {
			return vals[i]
		}
		return None
	}
	bit := uint64(1) << uint(i) // 0 past the bitmap: unset
	if r.set&bit == 0 {
		return None
	}
	below, num := r.set&(bit-1), r.Type.NumericMask()
	if num&bit != 0 {
		return Value{N: *r.numAt(bits.OnesCount64(below & num))}
	}
	return *r.valAt(bits.OnesCount64(below &^ num))
}

// Num is field i's number when field i is a set field of a numeric kind
// in a sparse record; false otherwise, for Field to answer. It is small
// enough to inline where the compiler knows the field's kind.
func (r *Record) Num(i int) (uint64, bool) {
	bit, num := uint64(1)<<uint(i), r.Type.NumericMask()
	if r.set&num&bit == 0 {
		return 0, false
	}
	return *r.numAt(bits.OnesCount64(r.set & num & (bit - 1))), true
}

// Val is Num for a field of any other kind.
func (r *Record) Val(i int) (Value, bool) {
	bit, num := uint64(1)<<uint(i), r.Type.NumericMask()
	if r.set&^num&bit == 0 {
		return Value{}, false
	}
	return *r.valAt(bits.OnesCount64(r.set &^ num & (bit - 1))), true
}

// Has reports whether field i holds a value: its bit, in a sparse
// record without a source (which stores no unset value and has nothing
// supplied).
func (r *Record) Has(i int) bool {
	if r.set&(1<<uint(i)) != 0 {
		return true
	}
	return (r.src != nil || r.dense()) && !r.Field(i).IsUnset()
}

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
	below, num, has, unset := r.set&(bit-1), r.Type.NumericMask(), r.set&bit != 0, v.IsUnset()
	if num&bit != 0 {
		if v.P != nil && !unset {
			r.setDense(i, v) // more than a number: keep it whole
			return
		}
		k := bits.OnesCount64(below & num)
		switch {
		case has && unset:
			r.storeNums(removeAt(r.numSlots(), k))
			r.set &^= bit
		case has: // the common case first: a write in place
			*r.numAt(k) = v.N
		case !unset:
			r.storeNums(insertAt(r.numSlots(), k, v.N, bits.OnesCount64(num)))
			r.set |= bit
		}
		return
	}
	k := bits.OnesCount64(below &^ num)
	switch {
	case has && unset:
		r.storeVals(removeAt(r.valSlots(), k))
		r.set &^= bit
	case has:
		*r.valAt(k) = v
	case !unset:
		r.storeVals(insertAt(r.valSlots(), k, v, len(r.Type.Fields)-bits.OnesCount64(num)))
		r.set |= bit
	}
}

// insertAt inserts x at k, growing s by half, not doubled as append
// does, and never past bound (the fields of its kind), so a record that
// fills up ends at exactly its size. Records live as long as their
// connections: growing by half keeps an idle connection's 144 bytes
// smaller for under 1% more bytes allocated.
func insertAt[T any](s []T, k int, x T, bound int) []T {
	if len(s) == cap(s) {
		c := max(min(len(s)+len(s)/2+2, bound), len(s)+1)
		grown := make([]T, len(s), c)
		copy(grown, s)
		s = grown
	}
	s = s[:len(s)+1]
	copy(s[k+1:], s[k:])
	s[k] = x
	return s
}

// removeAt removes s[k], clearing the vacated slot so that it holds no
// reference.
func removeAt[T any](s []T, k int) []T {
	copy(s[k:], s[k+1:])
	var zero T
	s[len(s)-1] = zero
	return s[:len(s)-1]
}

// setDense stores field i of a record that is or becomes dense.
func (r *Record) setDense(i int, v Value) {
	if !r.dense() {
		vals := filled(max(len(r.Type.Fields), i+1, sparseMax+1))
		r.Each(func(j int, w Value) bool {
			vals[j] = w
			return true
		})
		r.set, r.nums, r.ncap = 0, nil, 0
		r.storeVals(vals)
	}
	vals := r.valSlots()
	for i >= len(vals) {
		vals = append(vals, None)
	}
	vals[i] = v
	r.storeVals(vals)
}

// Stored is the mask of the fields among the first 64 that the record
// stores (not those a Source supplies): what a maker of a like record
// may give room for.
func (r *Record) Stored() uint64 {
	if !r.dense() {
		return r.set
	}
	var m uint64
	for i, v := range r.valSlots()[:sparseMax] {
		if !v.IsUnset() {
			m |= 1 << i
		}
	}
	return m
}

// NumFields is how many fields the record's type has.
func (r *Record) NumFields() int { return len(r.Type.Fields) }

// Each calls f with every set field in field order, until f returns
// false.
func (r *Record) Each(f func(i int, v Value) bool) {
	if r.src != nil {
		r.eachSupplied(f)
		return
	}
	if r.dense() {
		for i, v := range r.valSlots() {
			if !v.IsUnset() && !f(i, v) {
				return
			}
		}
		return
	}
	num, nums, vals := r.Type.NumericMask(), r.numSlots(), r.valSlots()
	kn, kv := 0, 0
	for s := r.set; s != 0; s &= s - 1 {
		i := bits.TrailingZeros64(s)
		var v Value
		if num&(1<<i) != 0 {
			v = Value{N: nums[kn]}
			kn++
		} else {
			v = vals[kv]
			kv++
		}
		if !f(i, v) {
			return
		}
	}
}

// eachSupplied is Each of a record with a source: its &default
// containers are made first (reading them may not change the record
// under the walk), then the stored and the live fields are visited in
// field order.
func (r *Record) eachSupplied(f func(i int, v Value) bool) {
	for m := r.Type.ContainerDefaults() &^ r.set; m != 0; m &= m - 1 {
		r.Field(bits.TrailingZeros64(m))
	}
	n := len(r.Type.Fields)
	for i := 0; i < n; i++ {
		if v := r.Field(i); !v.IsUnset() && !f(i, v) {
			return
		}
	}
}

// eachVal calls f with the field index and slot in vals of every value
// stored whole (in a dense record, unset ones too): what a deep copy
// must visit.
func (r *Record) eachVal(f func(i, k int)) {
	if r.dense() {
		for k := range int(r.vlen) {
			f(k, k)
		}
		return
	}
	k := 0
	for s := r.set &^ r.Type.NumericMask(); s != 0; s &= s - 1 {
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
