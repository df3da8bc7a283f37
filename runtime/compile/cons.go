package compile

import (
	"net/netip"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// newRecord makes a record of type rt from field assignments; fields not
// given are unset (a &default is applied when read).
func (c *compiler) newRecord(rt *types.RecordType, elems []ast.Expr) expr {
	type init struct {
		idx int
		f   expr
	}
	var inits []init
	given := map[int]bool{}
	for _, e := range elems {
		fa, ok := e.(*ast.FieldAssign)
		if !ok {
			continue
		}
		idx := fieldIndex(rt, fa.Name)
		if idx < 0 {
			continue
		}
		given[idx] = true
		inits = append(inits, init{idx, c.expr(fa.X, rt.Fields[idx].Type)})
	}
	// &default fields not given are filled at construction: Zeek evaluates
	// defaults per instance (they may call functions).
	for i, f := range rt.Fields {
		if !given[i] && f.Default != nil {
			inits = append(inits, init{i, c.expr(f.Default, f.Type)})
		}
	}
	var will uint64 // the fields the constructor sets, to size the record
	for _, in := range inits {
		if in.idx < 64 {
			will |= 1 << in.idx
		}
	}
	return func(fr *Frame) value.Value {
		r := value.EmptyRecord(rt, will)
		for _, in := range inits {
			r.SetField(in.idx, in.f(fr))
		}
		return value.Value{P: r}
	}
}

// recordCoerce converts a record to another record type by field name
// (an anonymous [$a=...] constructor used where a named record is wanted).
func (c *compiler) recordCoerce(f expr, src, dst *types.RecordType, n ast.Node) expr {
	m := make([]int, len(src.Fields))
	for i, sf := range src.Fields {
		m[i] = fieldIndex(dst, sf.Name)
	}
	return func(fr *Frame) value.Value {
		r := f(fr).P.(*value.Record)
		out := value.EmptyRecord(dst, value.AllFields)
		r.Each(func(i int, v value.Value) bool {
			if i < len(m) && m[i] >= 0 {
				out.SetField(m[i], v)
			}
			return true
		})
		return value.Value{P: out}
	}
}

// typedConstructor handles R($a=1), addr_set(...), string_vec(...).
func (c *compiler) typedConstructor(e *ast.CallExpr, t types.Type) expr {
	switch t := t.(type) {
	case *types.RecordType:
		return c.newRecord(t, e.Args)
	case *types.TableType:
		return c.tableCons(t, e.Args)
	case *types.VectorType:
		return c.vectorCons(t, e.Args)
	}
	return func(*Frame) value.Value { fail(e, "constructor not supported yet"); return value.None }
}

func (c *compiler) constructor(e *ast.ConstructorExpr) expr {
	t := c.typeOf(e)
	switch t := t.(type) {
	case *types.RecordType:
		return c.newRecord(t, e.Args)
	case *types.TableType:
		return c.withAttrs(c.tableCons(t, e.Args), c.tableAttrs(e.Attrs, t))
	case *types.VectorType:
		return c.vectorCons(t, e.Args)
	}
	return func(*Frame) value.Value { fail(e, "constructor not supported yet"); return value.None }
}

// list compiles [...] and {...}: a record, set, table or vector
// constructor, as the checker typed it from context.
func (c *compiler) list(elems []ast.Expr, e ast.Expr) expr {
	switch t := c.typeOf(e).(type) {
	case *types.RecordType:
		return c.newRecord(t, elems)
	case *types.TableType:
		return c.tableCons(t, elems)
	case *types.VectorType:
		return c.vectorCons(t, elems)
	}
	return func(*Frame) value.Value { fail(e, "list expression not supported here"); return value.None }
}

func (c *compiler) vectorCons(t *types.VectorType, elems []ast.Expr) expr {
	fs := make([]expr, len(elems))
	for i, e := range elems {
		fs[i] = c.expr(e, t.Elem)
	}
	return func(fr *Frame) value.Value {
		v := &value.Vector{Type: t, Elems: make([]value.Value, len(fs))}
		for i, f := range fs {
			v.Elems[i] = f(fr)
		}
		return value.Value{P: v}
	}
}

// tableCons builds a set from elements or a table from [k] = v entries.
func (c *compiler) tableCons(t *types.TableType, elems []ast.Expr) expr {
	type entry struct {
		key    func(*Frame) []value.Value
		val    expr
		expand []bool // index positions holding a set to expand (cross product)
	}
	var entries []entry
	add := func(idx []ast.Expr, val expr) {
		en := entry{key: c.keys(idx, t.Index), val: val}
		for i, e := range idx {
			if _, ok := c.chk.Expand[e]; ok {
				if en.expand == nil {
					en.expand = make([]bool, len(idx))
				}
				en.expand[i] = true
			}
		}
		entries = append(entries, en)
	}
	for _, e := range elems {
		if a, ok := e.(*ast.AssignExpr); ok && !t.IsSet() {
			if l, ok := a.LHS.(*ast.ListExpr); ok {
				add(l.Elems, c.expr(a.RHS, t.Yield))
			} else {
				add([]ast.Expr{a.LHS}, c.expr(a.RHS, t.Yield))
			}
			continue
		}
		if l, ok := e.(*ast.ListExpr); ok && (len(t.Index) > 1 || len(l.Elems) == 1 && c.typeOf(l).Kind() != types.Record) {
			add(l.Elems, nil)
		} else {
			add([]ast.Expr{e}, nil)
		}
	}
	return func(fr *Frame) value.Value {
		tbl := newTable(t)
		for _, en := range entries {
			v := value.Value{}
			if en.val != nil {
				v = en.val(fr)
			}
			key := en.key(fr)
			if en.expand == nil {
				tbl.Put(key, v)
				continue
			}
			crossProduct(key, en.expand, 0, func(k []value.Value) { tbl.Put(k, v) })
		}
		return value.Value{P: tbl}
	}
}

// crossProduct calls put with every key made by replacing each expanded
// position's set by each of its members, in insertion order.
func crossProduct(key []value.Value, expand []bool, i int, put func([]value.Value)) {
	for ; i < len(key); i++ {
		if !expand[i] {
			continue
		}
		set, ok := key[i].P.(*value.Table)
		if !ok {
			continue
		}
		it := set.Iter()
		for it.Next() {
			k := append([]value.Value(nil), key...)
			k[i] = it.Key1()
			crossProduct(k, expand, i+1, put)
		}
		it.Done()
		return
	}
	put(append([]value.Value(nil), key...))
}

func (c *compiler) index(e *ast.IndexExpr) expr {
	x := c.expr(e.X, nil)
	switch t := c.typeOf(e.X).(type) {
	case *types.VectorType:
		i := c.expr(e.Index[0], nil)
		it := c.typeOf(e.Index[0])
		return func(fr *Frame) value.Value {
			vec := x(fr).P.(*value.Vector)
			n := int64(i(fr).N)
			if it.Kind() == types.Int && n < 0 {
				n += int64(len(vec.Elems))
			}
			if n < 0 || n >= int64(len(vec.Elems)) || vec.Elems[n].IsUnset() {
				fail(e, "no such index")
			}
			return vec.Elems[n]
		}
	case *types.TableType:
		return c.tableIndex(e, t, x)
	}
	if c.typeOf(e.X).Kind() == types.String {
		i := c.expr(e.Index[0], nil)
		return func(fr *Frame) value.Value {
			s := x(fr).Str()
			n := int(i(fr).Int())
			if n < 0 {
				n += len(s)
			}
			if n < 0 || n >= len(s) {
				return value.String("")
			}
			return value.String(s[n : n+1])
		}
	}
	return func(*Frame) value.Value { fail(e, "index not supported yet"); return value.None }
}

func (c *compiler) slice(e *ast.SliceExpr) expr {
	x := c.expr(e.X, nil)
	bounds := c.sliceBounds(e)
	if vt, ok := c.typeOf(e.X).(*types.VectorType); ok {
		return func(fr *Frame) value.Value {
			v := x(fr).P.(*value.Vector)
			a, b := bounds(fr, len(v.Elems))
			return value.Value{P: &value.Vector{Type: vt, Elems: append([]value.Value(nil), v.Elems[a:b]...)}}
		}
	}
	return func(fr *Frame) value.Value {
		s := x(fr).Str()
		a, b := bounds(fr, len(s))
		return value.String(s[a:b])
	}
}

// sliceBounds compiles a slice's bounds into [a, b) within a length n:
// negative bounds count from the end, and both are clamped.
func (c *compiler) sliceBounds(e *ast.SliceExpr) func(fr *Frame, n int) (int, int) {
	var lo, hi expr
	if e.Lo != nil {
		lo = c.expr(e.Lo, nil)
	}
	if e.Hi != nil {
		hi = c.expr(e.Hi, nil)
	}
	return func(fr *Frame, n int) (int, int) {
		a, b := 0, n
		if lo != nil {
			a = int(lo(fr).Int())
		}
		if hi != nil {
			b = int(hi(fr).Int())
		}
		if a < 0 {
			a += n
		}
		if b < 0 {
			b += n
		}
		a, b = max(0, min(a, n)), max(0, min(b, n))
		if b < a {
			b = a
		}
		return a, b
	}
}

// in compiles "a in b" for every form Zeek has.
func (c *compiler) in(e *ast.BinaryExpr) expr {
	rt := c.typeOf(e.Y)
	lt := c.typeOf(e.X)
	y := c.expr(e.Y, nil)
	switch t := rt.(type) {
	case *types.TableType:
		if len(t.Index) == 1 && t.Index[0].Kind() == types.Subnet && lt.Kind() == types.Addr {
			// addr in set[subnet]: any prefix containing the address
			x := c.expr(e.X, nil)
			return func(fr *Frame) value.Value { return value.Bool(y(fr).P.(*value.Table).ContainsAddr(x(fr).Addr())) }
		}
		if k1 := c.key1([]ast.Expr{e.X}, t.Index); k1 != nil {
			return func(fr *Frame) value.Value { return value.Bool(y(fr).P.(*value.Table).Has1(k1(fr))) }
		}
		key := c.keys([]ast.Expr{e.X}, t.Index)
		return func(fr *Frame) value.Value { return value.Bool(tblHas(y(fr).P.(*value.Table), key(fr))) }
	case *types.VectorType:
		x := c.expr(e.X, nil)
		return func(fr *Frame) value.Value {
			n := x(fr).N
			v := y(fr).P.(*value.Vector)
			return value.Bool(n < uint64(len(v.Elems)) && !v.Elems[n].IsUnset())
		}
	}
	x := c.expr(e.X, nil)
	switch {
	case lt.Kind() == types.Addr && rt.Kind() == types.Subnet:
		return func(fr *Frame) value.Value { return value.Bool(subnetContains(y(fr).Subnet(), x(fr).Addr())) }
	case lt.Kind() == types.Pattern:
		return func(fr *Frame) value.Value { return value.Bool(matchAnywhere(x(fr).P.(*value.Pattern), y(fr).Str())) }
	case lt.Kind() == types.String:
		return func(fr *Frame) value.Value { return value.Bool(contains(y(fr).Str(), x(fr).Str())) }
	}
	return func(*Frame) value.Value { fail(e, "in not supported yet"); return value.None }
}

func contains(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return true
		}
	}
	return false
}

// subnetContains is "a in p" as Zeek computes it: both sides as 128-bit
// IPv6, an IPv4 address as ::ffff:a.b.c.d and an IPv4 subnet as its
// v4-mapped prefix (length + 96). So [::]/0 contains every IPv4 address,
// while 0.0.0.0/0 (::ffff:0:0/96) contains no real IPv6 address.
func subnetContains(p netip.Prefix, a netip.Addr) bool {
	pa := p.Addr()
	if pa.Is4() == a.Is4() {
		return p.Contains(a)
	}
	bits := p.Bits()
	if pa.Is4() {
		bits += 96
	}
	p16 := netip.PrefixFrom(netip.AddrFrom16(pa.As16()), bits)
	return p16.Contains(netip.AddrFrom16(a.As16()))
}
