package compile

import (
	"math"
	"net/netip"
	"strings"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// expr compiles e, converted to want when want is not nil and differs
// from e's own type (count to double, a value into any...).
func (c *compiler) expr(e ast.Expr, want types.Type) expr {
	f := c.expr1(e)
	from := c.typeOf(e)
	if to, ok := c.chk.Coerce[e]; ok {
		f = c.convert(f, from, to, e)
		from = to
	}
	if want != nil {
		f = c.convert(f, from, want, e)
	}
	return f
}

// valueType is the type of e's value as compiled by c.expr(e, nil): its
// own type, or the one the checker coerces it to.
func (c *compiler) valueType(e ast.Expr) types.Type {
	if t, ok := c.chk.Coerce[e]; ok {
		return t
	}
	return c.typeOf(e)
}

func (c *compiler) typeOf(e ast.Expr) types.Type {
	if t := c.chk.Types[e]; t != nil {
		return t
	}
	return types.ErrorType
}

// convert adapts a value of type from to type to (the checker allowed it).
func (c *compiler) convert(f expr, from, to types.Type, n ast.Node) expr {
	if from == nil || to == nil || from == to {
		return f
	}
	fk, tk := from.Kind(), to.Kind()
	switch {
	case tk == types.Any && fk != types.Any:
		if lit, ok := n.(*ast.BasicLit); ok {
			// A literal boxes to the same value every time (an *Any is
			// never changed in place): box it once. fmt's format and
			// cat's constant parts are literals passed as any.
			if _, err := c.literal(lit); err == nil {
				// f is the literal and any coercion of it: no frame use.
				boxed := value.Box(f(nil), from)
				return func(*Frame) value.Value { return boxed }
			}
		}
		return func(fr *Frame) value.Value { return value.Box(f(fr), from) }
	case fk == types.Count && tk == types.Double, fk == types.Count && tk == types.Interval, fk == types.Count && tk == types.Time:
		return func(fr *Frame) value.Value { return value.Double(float64(f(fr).N)) }
	case fk == types.Int && (tk == types.Double || tk == types.Interval || tk == types.Time):
		return func(fr *Frame) value.Value { return value.Double(float64(f(fr).Int())) }
	case fk == types.Record && tk == types.Record:
		src, dst := from.(*types.RecordType), to.(*types.RecordType)
		if src == dst {
			return f
		}
		return c.recordCoerce(f, src, dst, n)
	}
	return f
}

func (c *compiler) expr1(e ast.Expr) expr {
	switch e := e.(type) {
	case *ast.BasicLit:
		v, err := c.literal(e)
		if err != nil {
			return func(*Frame) value.Value { fail(e, "%v", err); return value.None }
		}
		return func(*Frame) value.Value { return v }
	case *ast.Ident:
		return c.ident(e)
	case *ast.UnaryExpr:
		return c.unary(e)
	case *ast.BinaryExpr:
		return c.binary(e)
	case *ast.AssignExpr:
		return c.assign(e)
	case *ast.CondExpr:
		cond, then, els := c.expr(e.Cond, nil), c.expr(e.Then, c.typeOf(e)), c.expr(e.Else, c.typeOf(e))
		return func(fr *Frame) value.Value {
			if cond(fr).N != 0 {
				return then(fr)
			}
			return els(fr)
		}
	case *ast.CallExpr:
		return c.call(e)
	case *ast.FieldExpr:
		return c.field(e)
	case *ast.HasFieldExpr:
		x := c.expr(e.X, nil)
		rt := c.typeOf(e.X).(*types.RecordType)
		idx := fieldIndex(rt, e.Name)
		return func(fr *Frame) value.Value {
			r := x(fr).P.(*value.Record)
			return value.Bool(r.Has(idx))
		}
	case *ast.SizeExpr:
		return c.size(e)
	case *ast.ConstructorExpr:
		return c.constructor(e)
	case *ast.ListExpr:
		return c.list(e.Elems, e)
	case *ast.BraceExpr:
		return c.list(e.Elems, e)
	case *ast.CastExpr:
		return c.cast(e)
	case *ast.IsExpr:
		x := c.expr(e.X, nil)
		t := c.chk.TypeOf[e.Type]
		return func(fr *Frame) value.Value { return value.Bool(isType(x(fr), c.typeOf(e.X), t)) }
	case *ast.IndexExpr:
		return c.index(e)
	case *ast.SliceExpr:
		return c.slice(e)
	case *ast.IncrExpr:
		return c.incr(e)
	case *ast.HookExpr:
		return c.hookCall(e.Call)
	case *ast.CopyExpr:
		x := c.expr(e.X, nil)
		t := c.typeOf(e.X)
		return func(fr *Frame) value.Value { return value.Copy(x(fr), t) }
	case *ast.ScheduleExpr:
		return c.schedule(e)
	case *ast.LambdaExpr:
		return c.lambda(e)
	}
	return func(*Frame) value.Value {
		fail(e, "expression not supported yet")
		return value.None
	}
}

// literal evaluates a literal once, at compile time.
func (c *compiler) literal(e *ast.BasicLit) (value.Value, error) {
	switch e.Kind {
	case ast.LitBool:
		return value.Bool(e.Value == "T"), nil
	case ast.LitCount:
		n, _ := ast.CountLitValue(e.Value)
		return value.Count(n), nil
	case ast.LitDouble:
		return value.Double(parseFloat(e.Value)), nil
	case ast.LitString:
		return value.String(e.Value), nil
	case ast.LitInterval:
		s, _ := ast.IntervalLitSeconds(e.Value)
		return value.Interval(s), nil
	case ast.LitPort:
		num, proto, _ := strings.Cut(e.Value, "/")
		return value.Port(uint32(parseUint(num)), protoNumber(proto)), nil
	case ast.LitAddr:
		a, _ := netip.ParseAddr(strings.Trim(e.Value, "[]"))
		return value.Addr(a), nil
	case ast.LitSubnet:
		return value.Subnet(parseSubnet(e.Value)), nil
	case ast.LitPattern:
		p, err := value.NewPattern(e.Value, e.CaseInsensitive, e.SingleLine)
		return value.Value{P: p}, err
	}
	return value.None, nil
}

func protoNumber(p string) int {
	switch p {
	case "tcp":
		return value.ProtoTCP
	case "udp":
		return value.ProtoUDP
	case "icmp":
		return value.ProtoICMP
	}
	return value.ProtoUnknown
}

func parseSubnet(s string) netip.Prefix {
	addr, width, _ := strings.Cut(s, "/")
	a, _ := netip.ParseAddr(strings.Trim(addr, "[]"))
	bits := int(parseUint(width))
	if a.Is4In6() {
		a = a.Unmap()
		bits -= 96
	}
	p, _ := a.Prefix(bits)
	return p
}

// ident reads a local slot, a global slot, or a constant.
func (c *compiler) ident(id *ast.Ident) expr {
	s := c.chk.Uses[id]
	if s == nil {
		return func(*Frame) value.Value { fail(id, "unknown identifier"); return value.None }
	}
	switch s.Kind {
	case check.LocalVar:
		slot := s.Slot
		return func(fr *Frame) value.Value {
			v := fr.Slots[slot]
			if v.P == value.Unset {
				fail(id, "value used but not set")
			}
			return v
		}
	case check.EnumSym:
		v := value.Enum(s.Enum.Value)
		return func(*Frame) value.Value { return v }
	case check.TypeSym:
		v := value.Value{P: s.Type}
		return func(*Frame) value.Value { return v }
	}
	g := &c.out.Globals[s.Slot]
	return func(*Frame) value.Value {
		if g.P == value.Unset {
			fail(id, "value used but not set")
		}
		return *g
	}
}

func (c *compiler) unary(e *ast.UnaryExpr) expr {
	t := c.typeOf(e)
	if vt, ok := t.(*types.VectorType); ok {
		// element-wise on a vector; holes stay holes
		xt, _ := c.typeOf(e.X).(*types.VectorType)
		x := c.expr(e.X, nil)
		var op func(value.Value) value.Value
		switch {
		case e.Op == "!":
			op = func(v value.Value) value.Value { return value.Bool(v.N == 0) }
		case e.Op == "+" || e.Op == "-":
			ek := vt.Elem.Kind()
			from := ek
			if xt != nil {
				from = xt.Elem.Kind()
			}
			neg := e.Op == "-"
			op = func(v value.Value) value.Value {
				switch ek {
				case types.Double, types.Interval, types.Time:
					d := numConvert(v, from, ek).Double()
					if neg {
						d = -d
					}
					return value.Double(d)
				}
				if neg {
					return value.Int(-v.Int())
				}
				return v
			}
		default:
			op = func(v value.Value) value.Value { return value.Count(^v.N) }
		}
		return func(fr *Frame) value.Value {
			in := x(fr).P.(*value.Vector)
			out := &value.Vector{Type: vt, Elems: make([]value.Value, len(in.Elems))}
			for i, v := range in.Elems {
				if v.IsUnset() {
					out.Elems[i] = v
				} else {
					out.Elems[i] = op(v)
				}
			}
			return value.Value{P: out}
		}
	}
	x := c.expr(e.X, t)
	switch e.Op {
	case "!":
		return func(fr *Frame) value.Value { return value.Bool(x(fr).N == 0) }
	case "~":
		return func(fr *Frame) value.Value { return value.Count(^x(fr).N) }
	case "+":
		return x
	}
	switch t.Kind() {
	case types.Double, types.Interval, types.Time:
		return func(fr *Frame) value.Value { return value.Double(-x(fr).Double()) }
	}
	return func(fr *Frame) value.Value { return value.Int(-x(fr).Int()) }
}

func (c *compiler) size(e *ast.SizeExpr) expr {
	x := c.expr(e.X, nil)
	t := c.typeOf(e.X)
	switch t.Kind() {
	case types.String:
		return func(fr *Frame) value.Value { return value.Count(uint64(len(x(fr).Str()))) }
	case types.Int:
		return func(fr *Frame) value.Value {
			i := x(fr).Int()
			if i < 0 {
				return value.Count(uint64(-i))
			}
			return value.Count(uint64(i))
		}
	case types.Count, types.Enum, types.Bool:
		return x
	case types.Port:
		return func(fr *Frame) value.Value { return value.Count(uint64(x(fr).PortNum())) }
	case types.Addr:
		return func(fr *Frame) value.Value {
			if x(fr).Addr().Is4() {
				return value.Count(32)
			}
			return value.Count(128)
		}
	case types.Record:
		return func(fr *Frame) value.Value {
			r := x(fr).P.(*value.Record)
			if r.Type != nil {
				return value.Count(uint64(len(r.Type.Fields)))
			}
			return value.Count(0)
		}
	case types.Func:
		return func(fr *Frame) value.Value {
			if f, ok := x(fr).P.(*value.Func); ok {
				if fn, ok := f.Impl.(*Function); ok {
					return value.Count(uint64(len(fn.Bodies)))
				}
				return value.Count(1)
			}
			return value.Count(0)
		}
	case types.Any:
		return func(fr *Frame) value.Value {
			a, ok := x(fr).P.(*value.Any)
			if !ok {
				return value.Box(value.Count(0), types.CountType)
			}
			v, t := sizeOf(a.Value, a.Type)
			return value.Box(v, t)
		}
	case types.Double, types.Interval, types.Time:
		return func(fr *Frame) value.Value { return value.Double(math.Abs(x(fr).Double())) }
	case types.Vector:
		return func(fr *Frame) value.Value { return value.Count(uint64(len(x(fr).P.(*value.Vector).Elems))) }
	case types.Table, types.Set:
		return func(fr *Frame) value.Value { return value.Count(uint64(x(fr).P.(*value.Table).Len())) }
	case types.Subnet:
		return func(fr *Frame) value.Value {
			p := x(fr).Subnet()
			bits := p.Addr().BitLen() - p.Bits()
			return value.Double(math.Pow(2, float64(bits)))
		}
	}
	return x
}

func fieldIndex(rt *types.RecordType, name string) int {
	for i, f := range rt.Fields {
		if f.Name == name {
			return i
		}
	}
	return -1
}

func (c *compiler) field(e *ast.FieldExpr) expr {
	x := c.expr(e.X, nil)
	rt, ok := c.typeOf(e.X).(*types.RecordType)
	if !ok {
		return func(*Frame) value.Value { fail(e, "not a record"); return value.None }
	}
	idx := fieldIndex(rt, e.Name)
	f := rt.Fields[idx]
	var def expr
	if f.Default != nil {
		def = c.expr(f.Default, f.Type)
	}
	missing := func(fr *Frame) value.Value {
		if def != nil {
			return def(fr)
		}
		fail(e, "field value missing")
		return value.None
	}
	// The field's kind says where a record keeps it: the accessor for
	// that place inlines here.
	if types.IsNumeric(f.Type.Kind()) {
		return func(fr *Frame) value.Value {
			r := x(fr).P.(*value.Record)
			if n, ok := r.Num(idx); ok {
				return value.Value{N: n}
			}
			if v := r.Field(idx); v.P != value.Unset {
				return v
			}
			return missing(fr)
		}
	}
	return func(fr *Frame) value.Value {
		r := x(fr).P.(*value.Record)
		if v, ok := r.Val(idx); ok {
			return v
		}
		if v := r.Field(idx); v.P != value.Unset {
			return v
		}
		return missing(fr)
	}
}

// isType reports whether v (of static type st) holds a value of type t.
func isType(v value.Value, st, t types.Type) bool {
	if st.Kind() == types.Any {
		a, ok := v.P.(*value.Any)
		return ok && types.Identical(a.Type, t)
	}
	return types.Identical(st, t)
}

func (c *compiler) cast(e *ast.CastExpr) expr {
	x := c.expr(e.X, nil)
	st := c.typeOf(e.X)
	t := c.chk.TypeOf[e.Type]
	if st.Kind() != types.Any {
		return c.staticCast(x, st, t, e)
	}
	return func(fr *Frame) value.Value {
		a, ok := x(fr).P.(*value.Any)
		if !ok {
			fail(e, "invalid cast of value with type 'any' to type '%s'", t)
		}
		if builtins.IsBrokerDataType(a.Type) && !types.Identical(a.Type, t) {
			return brokerCast(a.Value, t, e)
		}
		if !types.Identical(a.Type, t) {
			fail(e, "invalid cast of value with type '%s' to type '%s'", types.Describe(a.Type), types.Describe(t))
		}
		return a.Value
	}
}

// sizeOf is |v| for a value whose type is known only at run time (inside
// an any).
func sizeOf(v value.Value, t types.Type) (value.Value, types.Type) {
	switch t.Kind() {
	case types.String:
		return value.Count(uint64(len(v.Str()))), types.CountType
	case types.Int:
		return value.Count(value.AbsInt(v.Int())), types.CountType
	case types.Count, types.Enum, types.Bool:
		return value.Count(v.N), types.CountType
	case types.Double, types.Interval, types.Time:
		return value.Double(math.Abs(v.Double())), types.DoubleType
	case types.Port:
		return value.Count(uint64(v.PortNum())), types.CountType
	case types.Addr:
		if v.Addr().Is4() {
			return value.Count(32), types.CountType
		}
		return value.Count(128), types.CountType
	case types.Subnet:
		p := v.Subnet()
		return value.Double(math.Pow(2, float64(p.Addr().BitLen()-p.Bits()))), types.DoubleType
	case types.Vector:
		return value.Count(uint64(len(v.P.(*value.Vector).Elems))), types.CountType
	case types.Table, types.Set:
		return value.Count(uint64(v.P.(*value.Table).Len())), types.CountType
	case types.Record:
		return value.Count(uint64(len(t.(*types.RecordType).Fields))), types.CountType
	}
	return value.Count(0), types.CountType
}

// staticCast converts a value whose type is known: set to vector and
// back, numbers to numbers, anything else as convert does.
func (c *compiler) staticCast(x expr, st, t types.Type, e ast.Node) expr {
	sk, tk := st.Kind(), t.Kind()
	switch {
	case builtins.IsBrokerDataType(st) && !builtins.IsBrokerDataType(t):
		// Broker data converts to the script type it holds.
		return func(fr *Frame) value.Value { return brokerCast(x(fr), t, e) }
	case sk == types.Set && tk == types.Vector:
		vt := t.(*types.VectorType)
		return func(fr *Frame) value.Value {
			tbl := x(fr).P.(*value.Table)
			out := &value.Vector{Type: vt, Elems: make([]value.Value, 0, tbl.Len())}
			for pos := tbl.Next(-1, tbl.End()); pos >= 0; pos = tbl.Next(pos, tbl.End()) {
				out.Elems = append(out.Elems, tbl.Key1At(pos))
			}
			return value.Value{P: out}
		}
	case sk == types.Vector && tk == types.Set:
		tt := t.(*types.TableType)
		return func(fr *Frame) value.Value {
			vec := x(fr).P.(*value.Vector)
			out := value.NewTable(tt)
			for _, v := range vec.Elems {
				if !v.IsUnset() {
					out.Add1(v)
				}
			}
			return value.Value{P: out}
		}
	case sk == types.Double && tk == types.Count:
		return func(fr *Frame) value.Value { return value.Count(uint64(x(fr).Double())) }
	case sk == types.Double && tk == types.Int:
		return func(fr *Frame) value.Value { return value.Int(int64(x(fr).Double())) }
	case sk == types.Int && tk == types.Count, sk == types.Count && tk == types.Int:
		return x
	}
	return c.convert(x, st, t, e)
}

// brokerCast is "d as t" for Broker data d; a mismatch is a run-time
// error.
func brokerCast(v value.Value, t types.Type, e ast.Node) value.Value {
	out, err := builtins.CastBrokerData(v, t)
	if err != nil {
		fail(e, "%s", err)
	}
	return out
}
