package ssl

import (
	"strconv"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// raise raises the event when the scripts handle it. Callers whose
// arguments cost something to build check Handled first.
func (c *Conn) raise(event string, args ...value.Value) {
	if c.h.Handled(event) {
		c.h.Raise(event, args...)
	}
}

type integer interface {
	~uint8 | ~uint16 | ~uint32 | ~int
}

func count[T integer](n T) value.Value { return value.Count(uint64(n)) }

// vectorOf is a vector of the named script type (index_vec, string_vec).
func (c *Conn) vectorOf(typeName string, elems []value.Value) value.Value {
	vt, _ := c.h.Type(typeName).(*types.VectorType)
	if vt == nil {
		vt = &types.VectorType{Elem: types.AnyType}
	}
	return value.Value{P: &value.Vector{Type: vt, Elems: elems}}
}

func (c *Conn) indexVec(ns []uint16) value.Value {
	elems := make([]value.Value, len(ns))
	for i, n := range ns {
		elems[i] = count(n)
	}
	return c.vectorOf("index_vec", elems)
}

func (c *Conn) stringVec(ss [][]byte) value.Value {
	elems := make([]value.Value, len(ss))
	for i, s := range ss {
		elems[i] = value.String(string(s))
	}
	return c.vectorOf("string_vec", elems)
}

// newRecord is a record of the named script type with the given fields
// set, or nil when the scripts lack the type.
func (c *Conn) newRecord(typeName string, fields ...any) *value.Record {
	rt, _ := c.h.Type(typeName).(*types.RecordType)
	if rt == nil {
		return nil
	}
	r := value.NewRecord(rt)
	for i := 0; i+1 < len(fields); i += 2 {
		r.Set(fields[i].(string), fields[i+1].(value.Value))
	}
	return r
}

func itoa(n int) string { return strconv.Itoa(n) }

// formatTime writes seconds as Zeek's %f does (six decimals).
func formatTime(t float64) string { return strconv.FormatFloat(t, 'f', 6, 64) }
