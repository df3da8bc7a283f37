package compile

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// The one place the compiler touches value.Table and value.Pattern, so the
// container API can evolve without edits all over the compiler.

func newTable(t *types.TableType) *value.Table { return value.NewTable(t) }

func tblGet(t *value.Table, key []value.Value) (value.Value, bool) { return t.Get(key) }
func tblPut(t *value.Table, key []value.Value, v value.Value)      { t.Put(key, v) }
func tblDel(t *value.Table, key []value.Value) bool                { return t.Delete(key) }
func tblHas(t *value.Table, key []value.Value) bool                { _, ok := t.Get(key); return ok }

// tblEach calls f for every entry in insertion order until f returns false;
// entries deleted during the walk are skipped.
func tblEach(t *value.Table, f func(key []value.Value, v value.Value) bool) {
	it := t.Iter()
	defer it.Done()
	for it.Next() {
		if !f(it.Key(nil), it.Val()) {
			return
		}
	}
}

func matchExact(p *value.Pattern, s string) bool    { return p.MatchExact(s) }
func matchAnywhere(p *value.Pattern, s string) bool { return p.MatchAnywhere(s) }

// key1 compiles a one-column index into a single key expression, or
// returns nil when the index has several columns.
func (c *compiler) key1(idx []ast.Expr, want []types.Type) expr {
	if len(want) != 1 || len(idx) != 1 {
		return nil
	}
	e := idx[0]
	if l, ok := e.(*ast.ListExpr); ok {
		if len(l.Elems) != 1 {
			return nil
		}
		e = l.Elems[0]
	}
	return c.expr(e, want[0])
}

// tableAttrs compiles the attributes a table value carries (&default,
// &default_insert, expiry, &on_change...) into a maker run when the
// table is created; nil when there are none.
func (c *compiler) tableAttrs(attrs []*ast.Attr, t types.Type) func(*Frame) *value.TableAttrs {
	tt, ok := t.(*types.TableType)
	if !ok || len(attrs) == 0 {
		return nil
	}
	type step func(*Frame, *value.TableAttrs)
	var steps []step
	interval := func(a *ast.Attr, set func(*value.TableAttrs, float64)) step {
		e := c.expr(a.Value, nil)
		return func(fr *Frame, ta *value.TableAttrs) { set(ta, e(fr).Double()) }
	}
	for _, a := range attrs {
		if a.Value == nil {
			if a.Name == "ordered" {
				steps = append(steps, func(_ *Frame, ta *value.TableAttrs) { ta.Ordered = true })
			}
			continue
		}
		switch a.Name {
		case "default", "default_insert":
			ins := a.Name == "default_insert"
			vt := c.typeOf(a.Value)
			if ft, ok := vt.(*types.FuncType); ok && (tt.Yield == nil || tt.Yield.Kind() != types.Func || !types.Identical(ft, tt.Yield)) {
				e := c.expr(a.Value, nil)
				steps = append(steps, func(fr *Frame, ta *value.TableAttrs) {
					ta.Default, ta.HasDefault, ta.DefaultFunc, ta.DefaultIns = e(fr), true, true, ins
				})
				continue
			}
			var want types.Type = tt.Yield
			if want == nil {
				want = vt
			}
			e := c.expr(a.Value, want)
			steps = append(steps, func(fr *Frame, ta *value.TableAttrs) {
				ta.Default, ta.HasDefault, ta.DefaultIns = e(fr), true, ins
			})
		case "create_expire":
			steps = append(steps, interval(a, func(ta *value.TableAttrs, d float64) { ta.CreateExpire = d }))
		case "read_expire":
			steps = append(steps, interval(a, func(ta *value.TableAttrs, d float64) { ta.ReadExpire = d }))
		case "write_expire":
			steps = append(steps, interval(a, func(ta *value.TableAttrs, d float64) { ta.WriteExpire = d }))
		case "expire_func", "on_change":
			e := c.expr(a.Value, nil)
			on := a.Name == "on_change"
			steps = append(steps, func(fr *Frame, ta *value.TableAttrs) {
				f, _ := e(fr).P.(*value.Func)
				if on {
					ta.OnChange = f
				} else {
					ta.ExpireFunc = f
				}
			})
		}
	}
	if len(steps) == 0 {
		return nil
	}
	return func(fr *Frame) *value.TableAttrs {
		ta := &value.TableAttrs{}
		for _, s := range steps {
			s(fr, ta)
		}
		return ta
	}
}

// withAttrs wraps a table-making expression so the made table carries
// the given attributes (unless it has its own).
func withAttrs(f expr, mk func(*Frame) *value.TableAttrs) expr {
	if mk == nil {
		return f
	}
	return func(fr *Frame) value.Value {
		v := f(fr)
		if t, ok := v.P.(*value.Table); ok && t.Attrs == nil {
			t.Attrs = mk(fr)
		}
		return v
	}
}

// tableDefault is the value of a missing key in a table with &default
// (or &default_insert, which also inserts it).
func tableDefault(t *value.Table, key []value.Value, n ast.Node) value.Value {
	a := t.Attrs
	var v value.Value
	if a.DefaultFunc {
		f, ok := a.Default.P.(*value.Func)
		if !ok {
			fail(n, "no such index")
		}
		v = Call(f, key, n)
	} else {
		v = a.Default
		switch t.Type.Yield.Kind() {
		case types.Record, types.Table, types.Set, types.Vector:
			v = value.Copy(v, t.Type.Yield)
		}
	}
	if a.DefaultIns {
		t.Put(key, v)
	}
	return v
}

// tableIndex compiles t[k]: the value, the &default for a missing key,
// or a "no such index" error. A subnet-keyed table indexed by an addr
// finds the longest prefix containing it.
func (c *compiler) tableIndex(e *ast.IndexExpr, t *types.TableType, x expr) expr {
	if len(t.Index) == 1 && len(e.Index) == 1 && t.Index[0].Kind() == types.Subnet && c.typeOf(e.Index[0]).Kind() == types.Addr {
		a := c.expr(e.Index[0], nil)
		return func(fr *Frame) value.Value {
			tbl := x(fr).P.(*value.Table)
			k := a(fr)
			v, ok := tbl.LookupAddr(k.Addr())
			if !ok {
				if tbl.Attrs != nil && tbl.Attrs.HasDefault {
					return tableDefault(tbl, []value.Value{k}, e)
				}
				fail(e, "no such index")
			}
			return v
		}
	}
	if k1 := c.key1(e.Index, t.Index); k1 != nil {
		return func(fr *Frame) value.Value {
			tbl := x(fr).P.(*value.Table)
			k := k1(fr)
			v, ok := tbl.Get1(k)
			if !ok {
				if tbl.Attrs != nil && tbl.Attrs.HasDefault {
					return tableDefault(tbl, []value.Value{k}, e)
				}
				fail(e, "no such index")
			}
			return v
		}
	}
	key := c.keys(e.Index, t.Index)
	return func(fr *Frame) value.Value {
		tbl := x(fr).P.(*value.Table)
		k := key(fr)
		v, ok := tbl.Get(k)
		if !ok {
			if tbl.Attrs != nil && tbl.Attrs.HasDefault {
				return tableDefault(tbl, k, e)
			}
			fail(e, "no such index")
		}
		return v
	}
}
