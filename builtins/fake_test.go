package builtins

import (
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// fakeCtx is a minimal Context for tests.
type fakeCtx struct {
	netTime float64
	reports []string
	locals  map[any]any
}

func (c *fakeCtx) Local(key any, init func() any) any {
	if c.locals == nil {
		c.locals = map[any]any{}
	}
	v, ok := c.locals[key]
	if !ok {
		v = init()
		c.locals[key] = v
	}
	return v
}

func (c *fakeCtx) NetworkTime() float64 { return c.netTime }
func (c *fakeCtx) Type(name string) types.Type {
	switch name {
	case "string_vec":
		return types.Alias("string_vec", &types.VectorType{Elem: types.StringType})
	case "index_vec":
		return types.Alias("index_vec", &types.VectorType{Elem: types.CountType})
	case "string_set":
		return types.Alias("string_set", types.NewSet(types.StringType))
	}
	return nil
}
func (c *fakeCtx) Report(level, msg string) { c.reports = append(c.reports, level+": "+msg) }

// call runs the named BIF, failing the test if it is not registered.
func call(t *testing.T, ctx Context, name string, args ...value.Value) (value.Value, error) {
	t.Helper()
	f, ok := Impls[name]
	if !ok {
		t.Fatalf("%s: not registered", name)
	}
	if ctx == nil {
		ctx = &fakeCtx{}
	}
	return f(ctx, args)
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

// Shorthands for arguments.
func S(s string) value.Value  { return value.String(s) }
func C(c uint64) value.Value  { return value.Count(c) }
func I(i int64) value.Value   { return value.Int(i) }
func D(d float64) value.Value { return value.Double(d) }
func B(b bool) value.Value    { return value.Bool(b) }

func strs(v value.Value) []string {
	var out []string
	for _, e := range vectorElems(v) {
		out = append(out, e.Str())
	}
	return out
}

func TestImplsDeclared(t *testing.T) {
	declared := map[string]bool{}
	for _, d := range Decls {
		declared[d.Name] = true
	}
	if len(Impls) == 0 {
		t.Fatal("no implementations registered")
	}
	for name := range Impls {
		if !declared[name] {
			t.Errorf("%s: implemented but not declared in Decls", name)
		}
	}
}
