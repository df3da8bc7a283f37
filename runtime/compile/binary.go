package compile

import (
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func parseFloat(s string) float64 {
	f, _ := strconv.ParseFloat(s, 64)
	return f
}

func parseUint(s string) uint64 {
	n, _ := strconv.ParseUint(s, 10, 64)
	return n
}

// operandType is the type both operands of an arithmetic or comparison
// operator are brought to: the wider numeric type, or their own type.
func operandType(a, b types.Type) types.Type {
	ak, bk := a.Kind(), b.Kind()
	if types.IsArith(ak) && types.IsArith(bk) && ak != bk {
		switch types.MaxArith(ak, bk) {
		case types.Double:
			return types.DoubleType
		case types.Int:
			return types.IntType
		}
		return types.CountType
	}
	return a
}

// numConvert converts a numeric scalar of kind from to kind to (count or
// int to double, count to int); other values are returned as they are.
func numConvert(v value.Value, from, to types.Kind) value.Value {
	if from == to {
		return v
	}
	switch to {
	case types.Double, types.Interval, types.Time:
		switch from {
		case types.Count:
			return value.Double(float64(v.N))
		case types.Int:
			return value.Double(float64(v.Int()))
		}
	}
	return v
}

func (c *compiler) binary(e *ast.BinaryExpr) expr {
	lt, rt := c.valueType(e.X), c.valueType(e.Y)
	t := c.typeOf(e)
	if vt, ok := t.(*types.VectorType); ok && (lt.Kind() == types.Vector || rt.Kind() == types.Vector) {
		return c.vectorBinary(e, vt, lt, rt)
	}
	switch e.Op {
	case "&&":
		x, y := c.expr(e.X, nil), c.expr(e.Y, nil)
		return func(fr *Frame) value.Value { return value.Bool(x(fr).N != 0 && y(fr).N != 0) }
	case "||":
		x, y := c.expr(e.X, nil), c.expr(e.Y, nil)
		return func(fr *Frame) value.Value { return value.Bool(x(fr).N != 0 || y(fr).N != 0) }
	case "in", "!in":
		f := c.in(e)
		if e.Op == "!in" {
			return func(fr *Frame) value.Value { return value.Bool(f(fr).N == 0) }
		}
		return f
	case "==", "!=", "<", "<=", ">", ">=":
		return c.compare(e, lt, rt)
	case "+":
		if t.Kind() == types.String {
			return c.concat(e)
		}
	}
	return c.arith(e, e.Op, t, lt, rt, c.expr(e.X, nil), c.expr(e.Y, nil))
}

// concat compiles a chain a + b + c... of strings into one concatenation:
// one new string instead of one per +.
func (c *compiler) concat(e *ast.BinaryExpr) expr {
	var parts []expr
	var walk func(x ast.Expr)
	walk = func(x ast.Expr) {
		if b, ok := x.(*ast.BinaryExpr); ok && b.Op == "+" && c.typeOf(b).Kind() == types.String {
			walk(b.X)
			walk(b.Y)
			return
		}
		parts = append(parts, c.expr(x, nil))
	}
	walk(e)
	return func(fr *Frame) value.Value {
		var buf [8]string
		strs := buf[:0]
		n := 0
		for _, p := range parts {
			s := p(fr).Str()
			strs = append(strs, s)
			n += len(s)
		}
		var b strings.Builder
		b.Grow(n)
		for _, s := range strs {
			b.WriteString(s)
		}
		return value.String(b.String())
	}
}

// scalarOp compiles op for two already evaluated operands: what vector
// operations and compound assignments apply element by element.
func (c *compiler) scalarOp(n ast.Node, op string, t, lt, rt types.Type) func(a, b value.Value) value.Value {
	var x, y value.Value
	f := c.arith(n, op, t, lt, rt, func(*Frame) value.Value { return x }, func(*Frame) value.Value { return y })
	return func(a, b value.Value) value.Value {
		x, y = a, b
		return f(nil)
	}
}

// vectorBinary compiles an element-wise operation on vectors: both
// operands vectors of the same length (holes stay holes), or a vector and
// a scalar.
func (c *compiler) vectorBinary(e *ast.BinaryExpr, vt *types.VectorType, lt, rt types.Type) expr {
	x, y := c.expr(e.X, nil), c.expr(e.Y, nil)
	le, re := lt, rt
	lv, rv := lt.Kind() == types.Vector, rt.Kind() == types.Vector
	if lv {
		le = lt.(*types.VectorType).Elem
	}
	if rv {
		re = rt.(*types.VectorType).Elem
	}
	var op func(a, b value.Value) value.Value
	switch e.Op {
	case "&&":
		op = func(a, b value.Value) value.Value { return value.Bool(a.N != 0 && b.N != 0) }
	case "||":
		op = func(a, b value.Value) value.Value { return value.Bool(a.N != 0 || b.N != 0) }
	case "==", "!=", "<", "<=", ">", ">=":
		cmp := c.compareOp(e, e.Op, le, re)
		op = func(a, b value.Value) value.Value { return value.Bool(cmp(a, b)) }
	default:
		op = c.scalarOp(e, e.Op, vt.Elem, le, re)
	}
	return func(fr *Frame) value.Value {
		a, b := x(fr), y(fr)
		var av, bv *value.Vector
		n := 0
		if lv {
			av = a.P.(*value.Vector)
			n = len(av.Elems)
		}
		if rv {
			bv = b.P.(*value.Vector)
			if lv && len(bv.Elems) != n {
				fail(e, "vector operands are of different sizes")
			}
			n = len(bv.Elems)
		}
		out := &value.Vector{Type: vt, Elems: make([]value.Value, n)}
		for i := range n {
			ea, eb := a, b
			if lv {
				ea = av.Elems[i]
			}
			if rv {
				eb = bv.Elems[i]
			}
			if ea.IsUnset() || eb.IsUnset() {
				out.Elems[i] = value.None
				continue
			}
			out.Elems[i] = op(ea, eb)
		}
		return value.Value{P: out}
	}
}

// arith compiles x op y with result type t; the operands keep their own
// types lt and rt (time - time, interval * count...).
func (c *compiler) arith(n ast.Node, op string, t, lt, rt types.Type, x, y expr) expr {
	lk, rk := lt.Kind(), rt.Kind()
	asDouble := func(f expr, k types.Kind) expr {
		switch k {
		case types.Count:
			return func(fr *Frame) value.Value { return value.Double(float64(f(fr).N)) }
		case types.Int:
			return func(fr *Frame) value.Value { return value.Double(float64(f(fr).Int())) }
		}
		return f
	}
	switch t.Kind() {
	case types.String:
		return func(fr *Frame) value.Value { return value.String(x(fr).Str() + y(fr).Str()) }
	case types.Set, types.Table:
		var f func(a, b *value.Table) *value.Table
		switch op {
		case "|":
			f = value.SetUnion
		case "&":
			f = value.SetIntersect
		case "-":
			f = value.SetDiff
		}
		if f != nil {
			return func(fr *Frame) value.Value {
				a, b := x(fr).P.(*value.Table), y(fr).P.(*value.Table)
				return value.Value{P: f(a, b)}
			}
		}
	case types.Pattern:
		switch op {
		case "|":
			return func(fr *Frame) value.Value {
				return value.Value{P: value.Or(x(fr).P.(*value.Pattern), y(fr).P.(*value.Pattern))}
			}
		case "&":
			return func(fr *Frame) value.Value {
				return value.Value{P: value.And(x(fr).P.(*value.Pattern), y(fr).P.(*value.Pattern))}
			}
		}
	case types.Subnet:
		if op == "/" && lk == types.Addr {
			signed := rk == types.Int
			return func(fr *Frame) value.Value {
				a := x(fr).Addr()
				w := y(fr).N
				// Zeek takes the width as a 32-bit unsigned number.
				width := int64(uint32(w))
				if signed && int64(w) < 0 {
					width = int64(uint32(int32(int64(w))))
				}
				p, err := value.MakeSubnet(a, width)
				if err != nil {
					fail(n, "%v", err)
				}
				return value.Subnet(p)
			}
		}
	case types.Count:
		switch op {
		case "+":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N + y(fr).N) }
		case "-":
			text := c.opText(n, op)
			return func(fr *Frame) value.Value {
				a, b := x(fr).N, y(fr).N
				if b > a {
					c.warn(n, text, "count underflow")
				}
				return value.Count(a - b)
			}
		case "*":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N * y(fr).N) }
		case "/":
			return func(fr *Frame) value.Value {
				d := y(fr).N
				if d == 0 {
					fail(n, "division by zero")
				}
				return value.Count(x(fr).N / d)
			}
		case "%":
			return func(fr *Frame) value.Value {
				d := y(fr).N
				if d == 0 {
					fail(n, "modulo by zero")
				}
				return value.Count(x(fr).N % d)
			}
		case "&":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N & y(fr).N) }
		case "|":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N | y(fr).N) }
		case "^":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N ^ y(fr).N) }
		case "<<":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N << y(fr).N) }
		case ">>":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N >> y(fr).N) }
		}
	case types.Int:
		switch op {
		case "+":
			return func(fr *Frame) value.Value { return value.Int(x(fr).Int() + y(fr).Int()) }
		case "-":
			return func(fr *Frame) value.Value { return value.Int(x(fr).Int() - y(fr).Int()) }
		case "*":
			return func(fr *Frame) value.Value { return value.Int(x(fr).Int() * y(fr).Int()) }
		case "/":
			return func(fr *Frame) value.Value {
				r, err := value.DivInt(x(fr).Int(), y(fr).Int())
				if err != nil {
					fail(n, "division by zero")
				}
				return value.Int(r)
			}
		case "%":
			return func(fr *Frame) value.Value {
				r, err := value.ModInt(x(fr).Int(), y(fr).Int())
				if err != nil {
					fail(n, "modulo by zero")
				}
				return value.Int(r)
			}
		case "&":
			return func(fr *Frame) value.Value { return value.Value{N: x(fr).N & y(fr).N} }
		case "|":
			return func(fr *Frame) value.Value { return value.Value{N: x(fr).N | y(fr).N} }
		case "^":
			return func(fr *Frame) value.Value { return value.Value{N: x(fr).N ^ y(fr).N} }
		case "<<":
			return func(fr *Frame) value.Value { return value.Int(x(fr).Int() << y(fr).N) }
		case ">>":
			return func(fr *Frame) value.Value { return value.Int(x(fr).Int() >> y(fr).N) }
		}
	case types.Double, types.Interval, types.Time:
		xd, yd := asDouble(x, lk), asDouble(y, rk)
		switch op {
		case "+":
			return func(fr *Frame) value.Value { return value.Double(xd(fr).Double() + yd(fr).Double()) }
		case "-":
			return func(fr *Frame) value.Value { return value.Double(xd(fr).Double() - yd(fr).Double()) }
		case "*":
			return func(fr *Frame) value.Value { return value.Double(xd(fr).Double() * yd(fr).Double()) }
		case "/":
			return func(fr *Frame) value.Value {
				d := yd(fr).Double()
				if d == 0 {
					fail(n, "division by zero")
				}
				return value.Double(xd(fr).Double() / d)
			}
		}
	}
	return func(*Frame) value.Value {
		fail(n, "operator %s not supported yet for %s", op, t)
		return value.None
	}
}

func (c *compiler) compare(e *ast.BinaryExpr, lt, rt types.Type) expr {
	x, y := c.expr(e.X, nil), c.expr(e.Y, nil)
	cmp := c.compareOp(e, e.Op, lt, rt)
	return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr))) }
}

// compareOp compiles a op b for operands of types lt and rt.
func (c *compiler) compareOp(n ast.Node, op string, lt, rt types.Type) func(a, b value.Value) bool {
	ot := operandType(lt, rt)
	lk, rk, ok := lt.Kind(), rt.Kind(), ot.Kind()
	conv := lk != ok || rk != ok
	if lk == types.Pattern && rk == types.String || lk == types.String && rk == types.Pattern {
		// pattern == string: an anchored match
		patLeft := lk == types.Pattern
		eq := op == "=="
		return func(a, b value.Value) bool {
			if !patLeft {
				a, b = b, a
			}
			return a.P.(*value.Pattern).MatchExact(b.Str()) == eq
		}
	}
	var cmp func(a, b value.Value) int
	switch ok {
	case types.Count, types.Enum, types.Bool, types.Port:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.N, b.N) }
	case types.Int:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.Int(), b.Int()) }
	case types.Double, types.Interval, types.Time:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.Double(), b.Double()) }
	case types.String:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.Str(), b.Str()) }
	case types.Addr:
		// Zeek orders addresses by their 16-byte IPv6 form (IPv4 as
		// ::ffff:a.b.c.d).
		cmp = func(a, b value.Value) int {
			x, y := a.Addr().As16(), b.Addr().As16()
			for i := range x {
				if x[i] != y[i] {
					return cmpOrdered(uint64(x[i]), uint64(y[i]))
				}
			}
			return 0
		}
	case types.Set, types.Table:
		switch op {
		case "<":
			return func(a, b value.Value) bool {
				x, y := a.P.(*value.Table), b.P.(*value.Table)
				return x.Len() < y.Len() && value.SetSubset(x, y)
			}
		case "<=":
			return func(a, b value.Value) bool { return value.SetSubset(a.P.(*value.Table), b.P.(*value.Table)) }
		case ">":
			return func(a, b value.Value) bool {
				x, y := a.P.(*value.Table), b.P.(*value.Table)
				return y.Len() < x.Len() && value.SetSubset(y, x)
			}
		case ">=":
			return func(a, b value.Value) bool { return value.SetSubset(b.P.(*value.Table), a.P.(*value.Table)) }
		}
	}
	if cmp != nil && conv {
		inner := cmp
		cmp = func(a, b value.Value) int { return inner(numConvert(a, lk, ok), numConvert(b, rk, ok)) }
	}
	if cmp == nil {
		t := ot
		eq := func(a, b value.Value) bool { return value.Equal(a, b, t) }
		if lk == types.Any && rk != types.Any {
			eq = func(a, b value.Value) bool { return value.Equal(a, value.Box(b, rt), types.AnyType) }
		} else if rk == types.Any && lk != types.Any {
			eq = func(a, b value.Value) bool { return value.Equal(value.Box(a, lt), b, types.AnyType) }
		}
		switch op {
		case "==":
			return eq
		case "!=":
			return func(a, b value.Value) bool { return !eq(a, b) }
		}
		return func(value.Value, value.Value) bool { fail(n, "comparison not supported yet"); return false }
	}
	switch op {
	case "==":
		return func(a, b value.Value) bool { return cmp(a, b) == 0 }
	case "!=":
		return func(a, b value.Value) bool { return cmp(a, b) != 0 }
	case "<":
		return func(a, b value.Value) bool { return cmp(a, b) < 0 }
	case "<=":
		return func(a, b value.Value) bool { return cmp(a, b) <= 0 }
	case ">":
		return func(a, b value.Value) bool { return cmp(a, b) > 0 }
	}
	return func(a, b value.Value) bool { return cmp(a, b) >= 0 }
}

type ordered interface {
	~uint64 | ~int64 | ~float64 | ~string
}

func cmpOrdered[T ordered](a, b T) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// opText is how Zeek shows the operation n in a message: a compound
// assignment "x -= y" shows as "x - y".
func (c *compiler) opText(n ast.Node, op string) string {
	if a, ok := n.(*ast.AssignExpr); ok && (a.Op == "+=" || a.Op == "-=") {
		return ast.Format(&ast.BinaryExpr{X: a.LHS, Op: op, Y: a.RHS})
	}
	return exprText(n)
}
