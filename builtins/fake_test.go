package builtins

import (
	"strings"
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
	case "subnet_vec":
		return types.Alias("subnet_vec", &types.VectorType{Elem: types.SubnetType})
	case "record_field_table":
		return recordFieldTable
	case "color":
		return testColor
	}
	return nil
}
func (c *fakeCtx) Report(level, msg string) { c.reports = append(c.reports, level+": "+msg) }

// recordFieldTable is init-bare's record_field_table.
var recordFieldTable = func() types.Type {
	rf := types.NewRecord("record_field")
	rf.AddField(&types.Field{Name: "type_name", Type: types.StringType})
	rf.AddField(&types.Field{Name: "log", Type: types.BoolType})
	rf.AddField(&types.Field{Name: "optional", Type: types.BoolType})
	rf.AddField(&types.Field{Name: "value", Type: types.AnyType, Optional: true})
	rf.AddField(&types.Field{Name: "default_val", Type: types.AnyType, Optional: true})
	return types.Alias("record_field_table", types.NewTable(rf, types.StringType))
}()

// testColor is `type color: enum { Red, White, Blue };`.
var testColor = func() *types.EnumType {
	e := types.NewEnum("color")
	e.Add("Red", -1)
	e.Add("White", -1)
	e.Add("Blue", -1)
	return e
}()

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

// TestImplsMissing lists the declared BIFs this package does not implement,
// so the gap stays visible (go test -v -run TestImplsMissing). Some of them
// are provided by the engine instead (runtime/engine/bifs.go: event groups,
// options, termination, asynchronous lookups...), which this package cannot
// see. It never fails.
func TestImplsMissing(t *testing.T) {
	var missing []string
	for _, d := range Decls {
		if _, ok := Impls[d.Name]; !ok {
			missing = append(missing, d.Name)
		}
	}
	t.Logf("%d of %d declared BIFs implemented here, %d not:", len(Decls)-len(missing), len(Decls), len(missing))
	for i := 0; i < len(missing); i += 8 {
		t.Log(strings.Join(missing[i:min(i+8, len(missing))], " "))
	}
}
