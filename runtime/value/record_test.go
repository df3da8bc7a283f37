package value

import (
	"fmt"
	"testing"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

func recordType(n int) *types.RecordType {
	rt := types.NewRecord(fmt.Sprintf("R%d", n))
	for i := 0; i < n; i++ {
		rt.AddField(&types.Field{Name: fmt.Sprintf("f%d", i), Type: types.CountType, Optional: true})
	}
	return rt
}

// fields lists the set fields as "i=v".
func fields(r *Record) string {
	s := ""
	r.Each(func(i int, v Value) bool {
		s += fmt.Sprintf("%d=%d ", i, v.Count())
		return true
	})
	return s
}

func TestRecordSparse(t *testing.T) {
	r := EmptyRecord(recordType(10), 0)
	for _, i := range []int{5, 1, 9, 3} { // out of order: inserts between
		r.SetField(i, Count(uint64(100+i)))
	}
	if got, want := fields(r), "1=101 3=103 5=105 9=109 "; got != want {
		t.Fatalf("fields %q, want %q", got, want)
	}
	if len(r.numSlots()) != 4 || len(r.valSlots()) != 0 {
		t.Fatalf("%d numbers and %d values for 4 count fields", len(r.numSlots()), len(r.valSlots()))
	}
	r.SetField(3, Count(7)) // overwrite in place
	r.SetField(5, None)     // unset removes the slot
	r.SetField(0, None)     // unsetting an unset field does nothing
	if got, want := fields(r), "1=101 3=7 9=109 "; got != want {
		t.Fatalf("fields %q, want %q", got, want)
	}
	if r.Has(5) || !r.Field(5).IsUnset() || r.Has(0) || !r.Has(9) {
		t.Fatal("Has/Field disagree with the set fields")
	}
	if !r.Field(12).IsUnset() || !r.Field(-1).IsUnset() {
		t.Fatal("a field past the type reads as set")
	}
	vs := r.Values()
	if len(vs) != 10 || !vs[0].IsUnset() || vs[3].Count() != 7 || vs[9].Count() != 109 {
		t.Fatalf("Values %v", vs)
	}
}

// Growth stays within the type's field count.
func TestRecordGrowthBound(t *testing.T) {
	rt := recordType(6)
	r := EmptyRecord(rt, 0)
	for i := 0; i < 6; i++ {
		r.SetField(i, Count(uint64(i)))
	}
	if r.ncap != 6 {
		t.Fatalf("room for %d numbers in a 6-field record", r.ncap)
	}
}

// A record with more than 64 fields is dense; a sparse one that gains a
// field past 64 through redef becomes dense and keeps its fields.
func TestRecordDense(t *testing.T) {
	big := EmptyRecord(recordType(70), 0)
	big.SetField(69, Count(1))
	big.SetField(2, Count(2))
	big.SetField(2, None)
	if got, want := fields(big), "69=1 "; got != want {
		t.Fatalf("dense fields %q, want %q", got, want)
	}
	if !big.Field(-1).IsUnset() || !big.Field(70).IsUnset() {
		t.Fatal("a dense record reads a field outside its type as set")
	}

	rt := recordType(60)
	r := EmptyRecord(rt, 0)
	r.SetField(59, Count(59))
	r.SetField(7, Count(7))
	for i := 60; i < 66; i++ {
		rt.AddField(&types.Field{Name: fmt.Sprintf("f%d", i), Type: types.CountType, Optional: true})
	}
	if !r.Field(65).IsUnset() {
		t.Fatal("a field added by redef reads as set")
	}
	r.SetField(65, Count(65))
	if got, want := fields(r), "7=7 59=59 65=65 "; got != want {
		t.Fatalf("fields after densifying %q, want %q", got, want)
	}
	c := Copy(Value{P: r}, rt).P.(*Record)
	c.SetField(7, Count(8))
	if got, want := fields(c), "7=8 59=59 65=65 "; got != want || r.Field(7).Count() != 7 {
		t.Fatalf("copy %q, original field 7 = %d", got, r.Field(7).Count())
	}
}

// A record of mixed kinds keeps numbers and whole values apart, reads
// back both in field order, and copies deeply.
func TestRecordMixedKinds(t *testing.T) {
	inner := recordType(1)
	rt := types.NewRecord("M")
	rt.AddField(&types.Field{Name: "c", Type: types.CountType, Optional: true})
	rt.AddField(&types.Field{Name: "s", Type: types.StringType, Optional: true})
	rt.AddField(&types.Field{Name: "t", Type: types.TimeType, Optional: true})
	rt.AddField(&types.Field{Name: "r", Type: inner, Optional: true})
	rt.AddField(&types.Field{Name: "b", Type: types.BoolType, Optional: true})
	if got, want := rt.NumericMask(), uint64(0b10101); got != want {
		t.Fatalf("numeric mask %b, want %b", got, want)
	}
	sub := RecordOf(inner, []Value{Count(9)})
	r := RecordOf(rt, []Value{Count(7), String("x"), Time(1.5), {P: sub}, Bool(true)})
	if len(r.numSlots()) != 3 || len(r.valSlots()) != 2 || r.ncap != 3 || r.vcap != 2 {
		t.Fatalf("nums %d/%d, vals %d/%d", len(r.numSlots()), r.ncap, len(r.valSlots()), r.vcap)
	}
	if r.Field(0).Count() != 7 || r.Field(1).Str() != "x" || r.Field(2).Double() != 1.5 ||
		r.Field(3).P != sub || !r.Field(4).Bool() {
		t.Fatalf("fields read back as %v", r.Values())
	}
	r.SetField(2, None)
	r.SetField(1, None)
	if r.Has(1) || r.Has(2) || r.Field(4).N != 1 || r.Field(3).P != sub {
		t.Fatalf("after unsetting: %v", r.Values())
	}
	c := Copy(Value{P: r}, rt).P.(*Record)
	c.Field(3).P.(*Record).SetField(0, Count(1))
	c.SetField(0, Count(8))
	if sub.Field(0).Count() != 9 || r.Field(0).Count() != 7 || c.Field(0).Count() != 8 {
		t.Fatal("the copy shares a nested record or a number")
	}
}

// A numeric field given more than a number (a value with a pointer)
// makes the record dense rather than lose it.
func TestRecordNumericFieldKeepsWholeValue(t *testing.T) {
	rt := recordType(3)
	r := RecordOf(rt, []Value{Count(1), None, Count(3)})
	odd := Value{N: 2, P: "extra"}
	r.SetField(1, odd)
	if !r.dense() || r.Field(1) != odd || r.Field(0).Count() != 1 || r.Field(2).Count() != 3 {
		t.Fatalf("dense %v, fields %v", r.dense(), r.Values())
	}
}

// defaultsType is a record with a count, a set and a record field with
// a &default, which an engine-made record makes on first use.
func defaultsType() *types.RecordType {
	dflt := &ast.CallExpr{}
	rt := types.NewRecord("D")
	rt.AddField(&types.Field{Name: "n", Type: types.CountType, Optional: true})
	rt.AddField(&types.Field{Name: "s", Type: types.NewSet(types.StringType), Default: dflt})
	rt.AddField(&types.Field{Name: "r", Type: recordType(1), Default: dflt})
	return rt
}

// Engine-made records hold no &default container until it is read;
// reading stores it, so changes to it stay, and every walk sees it.
func TestRecordDefaultContainersOnFirstUse(t *testing.T) {
	rt := defaultsType()
	if got := rt.ContainerDefaults(); got != 0b110 {
		t.Fatalf("container defaults %b, want 110", got)
	}
	r := NewRecord(rt)
	if r.set != 0 || r.vals != nil {
		t.Fatalf("a new record stores %b", r.set)
	}
	c := Copy(Value{P: r}, rt).P.(*Record) // copied before use: still lazy
	if !r.Has(1) || !r.Has(2) || r.Has(0) {
		t.Fatal("Has: the defaults are not there, or the count is")
	}
	s := r.Field(1).P.(*Table)
	s.Add([]Value{String("x")})
	if r.Field(1).P != s || s.Len() != 1 {
		t.Fatal("the set made on first read was not kept")
	}
	var seen []int
	r.Each(func(i int, v Value) bool {
		seen = append(seen, i)
		return true
	})
	if fmt.Sprint(seen) != "[1 2]" {
		t.Fatalf("Each visits %v, want [1 2]", seen)
	}
	r.SetField(1, None) // delete r$s: the default comes back, empty
	if r.Field(1).P == s || r.Field(1).P.(*Table).Len() != 0 {
		t.Fatal("a deleted default container did not come back empty")
	}
	if c.set != 0 || c.Field(1).P.(*Table).Len() != 0 || c.Field(1).P == s {
		t.Fatal("the copy shares the original's default container")
	}
	if e := EmptyRecord(rt, 0); e.Has(1) || !e.Field(1).IsUnset() {
		t.Fatal("EmptyRecord supplies defaults (its maker sets them)")
	}
}

// fakeLive supplies field 0 (a count) and field 1 (a string).
type fakeLive struct{ n uint64 }

func (f *fakeLive) LiveMask(*Record) uint64 { return 0b11 }
func (f *fakeLive) LiveField(_ *Record, i int) Value {
	if i == 0 {
		return Count(f.n)
	}
	return String(fmt.Sprint("s", f.n))
}

// Live fields read the state when asked; a stored value hides one until
// ResetLive; a copy is a snapshot; the defaults still come on first use.
func TestRecordLiveFields(t *testing.T) {
	rt := types.NewRecord("L")
	rt.AddField(&types.Field{Name: "n", Type: types.CountType})
	rt.AddField(&types.Field{Name: "s", Type: types.StringType})
	rt.AddField(&types.Field{Name: "d", Type: types.NewSet(types.StringType), Default: &ast.CallExpr{}})
	live := &fakeLive{n: 1}
	var src Source
	r := NewRecord(rt)
	r.SetLive(&src, live, 0)
	if n, ok := r.Num(0); ok || n != 0 || r.Field(0).Count() != 1 || !r.Has(1) {
		t.Fatal("a live field is stored, or does not read")
	}
	snap := Copy(Value{P: r}, rt).P.(*Record)
	live.n = 2
	if r.Field(0).Count() != 2 || r.Field(1).Str() != "s2" {
		t.Fatalf("live fields read %v", r.Values())
	}
	if snap.Field(0).Count() != 1 || snap.Field(1).Str() != "s1" || snap.src != nil {
		t.Fatalf("the copy follows the state: %v", snap.Values())
	}
	r.SetField(0, Count(9))
	var walk []string
	r.Each(func(i int, v Value) bool {
		walk = append(walk, fmt.Sprint(i))
		return true
	})
	if r.Field(0).Count() != 9 || fmt.Sprint(walk) != "[0 1 2]" {
		t.Fatalf("after a write: field 0 = %d, Each visits %v", r.Field(0).Count(), walk)
	}
	r.ResetLive()
	if r.Field(0).Count() != 2 || !r.Has(2) {
		t.Fatal("ResetLive kept the write, or dropped the default")
	}
}

// Stored is the set bitmap, in a dense record too; NewRecordFor gives
// room for those fields but the &default containers.
func TestRecordStoredAndRoom(t *testing.T) {
	r := EmptyRecord(recordType(10), 0)
	r.SetField(3, Count(1))
	r.SetField(8, Count(2))
	if got := r.Stored(); got != 1<<3|1<<8 {
		t.Fatalf("sparse Stored %b", got)
	}
	big := EmptyRecord(recordType(70), 0)
	big.SetField(5, Count(1))
	big.SetField(69, Count(1))
	if got := big.Stored(); got != 1<<5 {
		t.Fatalf("dense Stored %b", got)
	}
	d := NewRecordFor(defaultsType(), AllFields)
	if d.ncap != 1 || d.vcap != 0 {
		t.Fatalf("room for %d numbers and %d values, want 1 and 0", d.ncap, d.vcap)
	}
}
