package compile

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// The one place the compiler touches value.Table and value.Pattern, so the
// container API can evolve without edits all over the compiler.

func newTable(t *types.TableType) *value.Table { return value.NewTable(t) }

func tblHas(t *value.Table, key []value.Value) bool { return t.Has(key) }

// Writes and deletes go through the program: a table with attributes may
// need the engine (expiry registration) or an &on_change call. Tables
// without attributes take the fast path.

// put sets t[key] = v.
func (p *Program) put(t *value.Table, key []value.Value, v value.Value) {
	if t.Attrs == nil {
		t.Put(key, v)
		return
	}
	p.putSlow(t, key, v)
}

// Put is t[key] = v from outside scripts (the input framework), with the
// table's &on_change and expiry bookkeeping.
func (p *Program) Put(t *value.Table, key []value.Value, v value.Value) { p.put(t, key, v) }

// put1 is put for a one-column index.
func (p *Program) put1(t *value.Table, k value.Value, v value.Value) {
	if t.Attrs == nil {
		t.Put1(k, v)
		return
	}
	p.putSlow(t, []value.Value{k}, v)
}

func (p *Program) putSlow(t *value.Table, key []value.Value, v value.Value) {
	a := t.Attrs
	if a.Engine == nil && expiring(a) {
		// A copy of an expiring table: the engine learns of it at its
		// first write.
		p.rt.WatchTable(t)
	}
	if a.OnChange == nil {
		t.Put(key, v)
		if a.Mirror != nil {
			a.Mirror.Put(t, key, v)
		}
		return
	}
	old, had := t.Get(key)
	t.Put(key, v)
	if a.Mirror != nil {
		a.Mirror.Put(t, key, v)
	}
	if had {
		p.TableChanged(t, ChangeChanged, key, old)
	} else {
		p.TableChanged(t, ChangeNew, key, v)
	}
}

// Delete is delete t[key] from outside scripts (the input framework),
// with the table's &on_change.
func (p *Program) Delete(t *value.Table, key []value.Value) { p.del(t, key) }

// del deletes t[key].
func (p *Program) del(t *value.Table, key []value.Value) {
	a := t.Attrs
	if a == nil || (a.OnChange == nil && a.Mirror == nil) {
		t.Delete(key)
		return
	}
	if a.OnChange == nil {
		if t.Delete(key) {
			a.Mirror.Delete(t, key)
		}
		return
	}
	old, had := t.Get(key)
	if had && t.Delete(key) {
		if a.Mirror != nil {
			a.Mirror.Delete(t, key)
		}
		p.TableChanged(t, ChangeRemoved, key, old)
	}
}

// del1 is del for a one-column index.
func (p *Program) del1(t *value.Table, k value.Value) {
	if a := t.Attrs; a == nil || (a.OnChange == nil && a.Mirror == nil) {
		t.Delete1(k)
		return
	}
	p.del(t, []value.Value{k})
}

// expiring reports whether a table's attributes ask for expiry.
func expiring(a *value.TableAttrs) bool {
	return a.CreateExpire > 0 || a.ReadExpire > 0 || a.WriteExpire > 0
}

// Change kinds of &on_change, in the order of Zeek's TableChange enum.
const (
	ChangeNew = iota
	ChangeChanged
	ChangeRemoved
	ChangeExpired
)

var changeNames = [...]string{"TABLE_ELEMENT_NEW", "TABLE_ELEMENT_CHANGED", "TABLE_ELEMENT_REMOVED", "TABLE_ELEMENT_EXPIRED"}

// TableChanged calls a table's &on_change function, as Zeek does after an
// insert, change, delete or expiry: (table, TableChange, index..., value)
// — the value only for tables: the new value for an insert, the old one
// otherwise. The function is not re-entered while it runs (changes it
// makes to the table are not reported), and an error in it is reported
// without aborting the code that changed the table.
func (p *Program) TableChanged(t *value.Table, kind int, key []value.Value, v value.Value) {
	a := t.Attrs
	if a == nil || a.OnChange == nil || a.InChange {
		return
	}
	args := make([]value.Value, 0, len(key)+3)
	args = append(args, value.Value{P: t}, p.changeEnum(kind))
	args = append(args, key...)
	if !t.IsSet() {
		args = append(args, v)
	}
	a.InChange = true
	defer func() { a.InChange = false }()
	p.Protect(func() { Call(a.OnChange, args, nil) })
}

func (p *Program) changeEnum(kind int) value.Value {
	if s := p.Checked.Lookup(changeNames[kind]); s != nil && s.Enum != nil {
		return value.Enum(s.Enum.Value)
	}
	return value.Enum(int64(kind))
}

// Protect runs f; a script error in it is reported and swallowed (the
// way Zeek runs callbacks such as &on_change and &expire_func).
func (p *Program) Protect(f func()) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			err, isScript := r.(*Error)
			if !isScript {
				panic(r)
			}
			p.rt.Report(err)
			ok = false
		}
	}()
	f()
	return true
}

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

func matchAnywhere(p *value.Pattern, s string) bool { return p.MatchAnywhere(s) }

// key1 compiles a one-column index into a single key expression, or
// returns nil when the index has several columns.
func (c *compiler) key1(idx []ast.Expr, want []types.Type) expr {
	if len(want) != 1 || len(idx) != 1 {
		return nil
	}
	e := idx[0]
	if l, ok := e.(*ast.ListExpr); ok && c.typeOf(l).Kind() != types.Record {
		// [k] is an index list of one; [$a=1] is a record value.
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
		case "backend":
			// The store is "___sync_store_" + the global's full name, as
			// in Zeek; the checker allows &backend on globals only.
			name := "___sync_store_" + c.global
			var et *types.EnumType
			if t, ok := c.typeOf(a.Value).(*types.EnumType); ok {
				et = t
			}
			e := c.expr(a.Value, nil)
			steps = append(steps, func(fr *Frame, ta *value.TableAttrs) {
				ta.StoreName = name
				if et != nil {
					ta.Backend = et.NameOf(e(fr).Int())
				}
			})
		case "broker_store":
			e := c.expr(a.Value, nil)
			steps = append(steps, func(fr *Frame, ta *value.TableAttrs) {
				if ta.Backend == "" {
					ta.StoreName = e(fr).Str()
				}
			})
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
// the given attributes (unless it has its own); a table with expiry or
// a store binding (&backend, &broker_store) is handed to the engine.
func (c *compiler) withAttrs(f expr, mk func(*Frame) *value.TableAttrs) expr {
	if mk == nil {
		return f
	}
	rt := c.rt
	return func(fr *Frame) value.Value {
		v := f(fr)
		if t, ok := v.P.(*value.Table); ok && t.Attrs == nil {
			t.Attrs = mk(fr)
			if expiring(t.Attrs) {
				rt.WatchTable(t)
			}
			if t.Attrs.StoreName != "" {
				rt.BindTable(t)
			}
		}
		return v
	}
}

// tableDefault is the value of a missing key in a table with &default
// (or &default_insert, which also inserts it).
func (p *Program) tableDefault(t *value.Table, key []value.Value, n ast.Node) value.Value {
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
		p.put(t, key, v)
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
					return c.out.tableDefault(tbl, []value.Value{k}, e)
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
					return c.out.tableDefault(tbl, []value.Value{k}, e)
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
				return c.out.tableDefault(tbl, k, e)
			}
			fail(e, "no such index")
		}
		return v
	}
}
