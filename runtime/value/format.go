package value

import (
	"strconv"

	"github.com/gobro/gobro/lang/types"
)

// Mode selects one of Zeek's three renderings (rendering.md §1).
type Mode uint8

const (
	// ModePrint is print to stdout or a file: strings escaped as \xhh,
	// tables over several lines without indentation.
	ModePrint Mode = iota
	// ModeRaw is the buffer of fmt("%s"), cat, print_raw and raw-output
	// files: bytes unescaped, table items indented with TABs.
	ModeRaw
	// ModeShort is the one-line form of call stacks and messages.
	ModeShort
)

// Printer renders values. The zero Printer renders in ModePrint.
type Printer struct {
	Mode Mode
	// FieldDefault, when set, supplies the &default of a record field that
	// holds no value (a field added by redef after the record was made).
	// This package cannot evaluate the default expression; without the
	// callback such a field prints as <uninitialized>.
	FieldDefault func(f *types.Field) (Value, bool)
}

// Render renders v of type t in the given mode.
func Render(v Value, t types.Type, mode Mode) string {
	p := Printer{Mode: mode}
	return string(p.Append(nil, v, t))
}

// Append appends the rendering of v (of type t) to b.
func (p *Printer) Append(b []byte, v Value, t types.Type) []byte {
	r := renderer{p: p, b: b}
	r.value(v, t)
	return r.b
}

type renderer struct {
	p      *Printer
	b      []byte
	level  int   // tables being rendered (raw-mode indentation)
	active []any // aggregates being rendered, to print cycles
}

func (r *renderer) onStack(x any) bool {
	for _, a := range r.active {
		if a == x {
			return true
		}
	}
	return false
}

// AppendScalar appends the rendering of v (of type t) to b when t is a
// scalar kind (or v is unset), and reports whether it did. It does not
// recurse, so a caller's stack buffer passed as b stays on the stack:
// cat and fmt render most arguments this way.
func AppendScalar(b []byte, v Value, t types.Type, mode Mode) ([]byte, bool) {
	if v.IsUnset() {
		return append(b, "<uninitialized>"...), true
	}
	switch t.Kind() {
	case types.Bool:
		if v.N != 0 {
			b = append(b, 'T')
		} else {
			b = append(b, 'F')
		}
	case types.Count:
		b = strconv.AppendUint(b, v.N, 10)
	case types.Int:
		b = strconv.AppendInt(b, int64(v.N), 10)
	case types.Double, types.Time:
		b = appendDouble(b, v.Double())
	case types.Interval:
		b = appendInterval(b, v.Double())
	case types.String:
		if mode == ModeRaw {
			b = append(b, v.Str()...)
		} else {
			b = appendEscaped(b, v.Str())
		}
	case types.Addr:
		b = AppendAddr(b, v.Addr())
	case types.Subnet:
		b = appendSubnet(b, v.Subnet())
	case types.Port:
		b = appendPort(b, v)
	case types.Enum:
		name := ""
		if et, ok := t.(*types.EnumType); ok {
			name = et.NameOf(int64(v.N))
		}
		if name == "" {
			b = strconv.AppendInt(b, int64(v.N), 10)
		} else {
			b = append(b, name...)
		}
	default:
		return b, false
	}
	return b, true
}

func (r *renderer) value(v Value, t types.Type) {
	if b, ok := AppendScalar(r.b, v, t, r.p.Mode); ok {
		r.b = b
		return
	}
	switch t.Kind() {
	case types.Pattern:
		r.b = append(r.b, '/')
		if p, ok := v.P.(*Pattern); ok {
			r.b = append(r.b, p.Text()...)
		}
		r.b = append(r.b, '/')
	case types.Record:
		r.record(v, t)
	case types.Vector:
		r.vector(v, t)
	case types.Table, types.Set:
		r.table(v)
	case types.Any:
		if a, ok := v.P.(*Any); ok && a != nil {
			r.value(a.Value, a.Type)
		} else {
			r.b = append(r.b, "<uninitialized>"...)
		}
	case types.Func:
		f, _ := v.P.(*Func)
		if f == nil {
			r.b = append(r.b, "<uninitialized>"...)
			return
		}
		// Body rendering needs the compiler's statement describer; until
		// then a function prints as "name: type".
		r.b = append(r.b, f.Name...)
		if f.Type != nil {
			r.b = append(r.b, ": "...)
			r.b = append(r.b, types.Describe(f.Type)...)
		}
	case types.Opaque:
		if o, ok := v.P.(interface{ Render() string }); ok && o != nil {
			// Broker data and store handles print their own text.
			r.b = append(r.b, o.Render()...)
			return
		}
		r.b = append(r.b, "<opaque of "...)
		if o, ok := v.P.(Opaque); ok && o != nil {
			r.b = append(r.b, o.OpaqueName()...)
		} else if ot, ok := t.(*types.OpaqueType); ok {
			r.b = append(r.b, ot.Name...)
		}
		r.b = append(r.b, '>')
	case types.File:
		r.b = append(r.b, `file "`...)
		if f, ok := v.P.(*File); ok && f != nil {
			r.b = append(r.b, f.Name...)
		}
		r.b = append(r.b, `" of string`...)
	default:
		r.b = append(r.b, '<')
		r.b = append(r.b, t.String()...)
		r.b = append(r.b, '>')
	}
}

func (r *renderer) record(v Value, t types.Type) {
	rec, _ := v.P.(*Record)
	if rec == nil {
		r.b = append(r.b, "<uninitialized>"...)
		return
	}
	if r.onStack(rec) {
		r.b = append(r.b, "<cycle>"...)
		return
	}
	r.active = append(r.active, rec)
	rt := rec.Type
	if rt == nil {
		rt, _ = t.(*types.RecordType)
	}
	r.b = append(r.b, '[')
	if rt != nil {
		for i, f := range rt.Fields {
			if i > 0 {
				r.b = append(r.b, ", "...)
			}
			r.b = append(r.b, f.Name...)
			r.b = append(r.b, '=')
			fv := rec.Field(i)
			if fv.IsUnset() && f.Default != nil && r.p.FieldDefault != nil {
				if d, ok := r.p.FieldDefault(f); ok {
					fv = d
				}
			}
			r.value(fv, f.Type)
		}
	}
	r.b = append(r.b, ']')
	r.active = r.active[:len(r.active)-1]
}

func (r *renderer) vector(v Value, t types.Type) {
	vec, _ := v.P.(*Vector)
	if vec == nil {
		r.b = append(r.b, "<uninitialized>"...)
		return
	}
	if r.onStack(vec) {
		r.b = append(r.b, "<cycle>"...)
		return
	}
	r.active = append(r.active, vec)
	var et types.Type = types.AnyType
	if vec.Type != nil {
		et = vec.Type.Elem
	} else if vt, ok := t.(*types.VectorType); ok {
		et = vt.Elem
	}
	r.b = append(r.b, '[')
	for i, e := range vec.Elems {
		if i > 0 {
			r.b = append(r.b, ", "...)
		}
		if !e.IsUnset() { // a hole renders as nothing
			r.value(e, et)
		}
	}
	r.b = append(r.b, ']')
	r.active = r.active[:len(r.active)-1]
}

// startsIndented reports whether raw mode indents a table item of type t
// on a fresh line. Zeek indents only text written through its numeric and
// bracket paths, never strings, doubles, times or intervals.
func startsIndented(t types.Type, v Value) bool {
	switch t.Kind() {
	case types.String, types.Double, types.Time, types.Interval,
		types.Func, types.Opaque, types.File:
		return false
	case types.Any:
		if a, ok := v.P.(*Any); ok && a != nil {
			return startsIndented(a.Type, a.Value)
		}
		return false
	}
	return true
}

func (r *renderer) newline(indent bool) {
	if r.p.Mode == ModeShort {
		return
	}
	r.b = append(r.b, '\n')
	if indent && r.p.Mode == ModeRaw {
		for i := 0; i < r.level; i++ {
			r.b = append(r.b, '\t')
		}
	}
}

func (r *renderer) table(v Value) {
	tab, _ := v.P.(*Table)
	if tab == nil {
		r.b = append(r.b, "<uninitialized>"...)
		return
	}
	if r.onStack(tab) {
		r.b = append(r.b, "<cycle>"...)
		return
	}
	r.active = append(r.active, tab)
	r.level++
	index := tab.Type.Index
	yield := tab.Type.Yield
	bracket := yield != nil || len(index) > 1
	r.b = append(r.b, '{')
	var key []Value
	first := true
	for pos := tab.Next(-1, tab.End()); pos >= 0; pos = tab.Next(pos, tab.End()) {
		key = tab.KeyAt(pos, key[:0])
		if !first {
			r.b = append(r.b, ',')
		}
		first = false
		r.newline(bracket || startsIndented(index[0], key[0]))
		if bracket {
			r.b = append(r.b, '[')
		}
		for i, k := range key {
			if i > 0 {
				r.b = append(r.b, ", "...)
			}
			r.value(k, index[i])
		}
		if bracket {
			r.b = append(r.b, ']')
		}
		if yield != nil {
			r.b = append(r.b, " = "...)
			r.value(tab.ValAt(pos), yield)
		}
	}
	if first {
		r.newline(false)
	}
	r.level--
	r.newline(true)
	r.b = append(r.b, '}')
	r.active = r.active[:len(r.active)-1]
}
