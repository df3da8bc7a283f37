package input

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// fuzzRecord asks for every kind of column: all types, required and
// optional ones, a nested record and a port with a &type_column.
func fuzzRecord() *types.RecordType {
	rt := typesRecord()
	rt.AddField(&types.Field{Name: "req", Type: types.CountType})
	rt.AddField(&types.Field{Name: "meta", Type: intelItem().Fields[2].Type})
	return rt
}

// FuzzRead feeds arbitrary file contents (and separators chosen by the
// first byte) to the reader: it must not panic, and what it returns must
// be well formed.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"types.log", "bad.log", "crlf.log", "intel.dat", "invalid-lines.log"} {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(byte(0), b)
	}
	f.Add(byte(1), []byte("#fields|s|req|c\nx|1|-\n\\x7c|2|3\n"))
	f.Add(byte(2), []byte("#fields\tsc\treq\n,\t1\n\t2\n1,,2\t3\n"))
	f.Add(byte(0), []byte("#fields\tpat\treq\n/[/\t1\n/a/is\t2\n//\t3\n"))

	rt := fuzzRecord()
	cols := Columns(rt)
	f.Fuzz(func(t *testing.T, mode byte, data []byte) {
		o := DefaultOptions()
		switch mode % 4 {
		case 1:
			o.Separator, o.SetSeparator, o.UnsetField = "|", ";", "NONE"
		case 2:
			o.EmptyField, o.FailOnInvalidLines = "", true
		case 3:
			o.Separator, o.SetSeparator = "", "::"
		}
		r := &reader{o: o, source: "fuzz.log", cols: cols}
		r.setup()
		r.read(bytes.NewReader(data))
		last := 0
		for _, row := range r.rows {
			if len(row.Values) != len(cols) || row.Line <= last {
				t.Fatalf("row at line %d after %d with %d values", row.Line, last, len(row.Values))
			}
			last = row.Line
			for i, c := range cols {
				checkValue(t, row.Values[i], c.Type)
			}
			Build(rt, cols, row)
		}
		for _, p := range r.probs {
			if p.Msg == "" || p.Text == "" || (p.Fatal && !p.Error) {
				t.Fatalf("problem %+v", p)
			}
		}
	})
}

// checkValue checks that v has the representation of type t.
func checkValue(t *testing.T, v value.Value, ty types.Type) {
	t.Helper()
	if v.IsUnset() {
		return
	}
	ok := true
	switch ty.Kind() {
	case types.String:
		_, ok = v.P.(string)
	case types.Addr:
		a, isAddr := v.P.(interface{ IsValid() bool })
		ok = isAddr && a.IsValid()
	case types.Subnet:
		p, isPrefix := v.P.(interface{ IsValid() bool })
		ok = isPrefix && p.IsValid()
	case types.Pattern:
		_, ok = v.P.(*value.Pattern)
	case types.Set:
		tab, isTab := v.P.(*value.Table)
		ok = isTab && tab.Type == ty
	case types.Vector:
		vec, isVec := v.P.(*value.Vector)
		ok = isVec && vec.Type == ty
		if ok {
			for _, e := range vec.Elems {
				checkValue(t, e, vec.Type.Elem)
			}
		}
	default:
		ok = v.P == nil
	}
	if !ok {
		t.Fatalf("value %#v for type %s", v, ty)
	}
}
