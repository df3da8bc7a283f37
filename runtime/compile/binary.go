package compile

import (
	"strconv"

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

func (c *compiler) binary(e *ast.BinaryExpr) expr {
	lt, rt := c.valueType(e.X), c.valueType(e.Y)
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
	}
	return c.arith(e, e.Op, c.typeOf(e), lt, rt, c.expr(e.X, nil), c.expr(e.Y, nil))
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
	case types.Count:
		switch op {
		case "+":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N + y(fr).N) }
		case "-":
			return func(fr *Frame) value.Value { return value.Count(x(fr).N - y(fr).N) }
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
				d := y(fr).Int()
				if d == 0 {
					fail(n, "division by zero")
				}
				return value.Int(x(fr).Int() / d)
			}
		case "%":
			return func(fr *Frame) value.Value {
				d := y(fr).Int()
				if d == 0 {
					fail(n, "modulo by zero")
				}
				return value.Int(x(fr).Int() % d)
			}
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
	return func(*Frame) value.Value { fail(n, "operator %s not supported yet", op); return value.None }
}

func (c *compiler) compare(e *ast.BinaryExpr, lt, rt types.Type) expr {
	ot := operandType(lt, rt)
	x, y := c.expr(e.X, ot), c.expr(e.Y, ot)
	var cmp func(a, b value.Value) int
	switch ot.Kind() {
	case types.Count, types.Enum, types.Bool:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.N, b.N) }
	case types.Int:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.Int(), b.Int()) }
	case types.Double, types.Interval, types.Time:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.Double(), b.Double()) }
	case types.String:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.Str(), b.Str()) }
	case types.Port:
		cmp = func(a, b value.Value) int { return cmpOrdered(a.N, b.N) }
	case types.Addr:
		cmp = func(a, b value.Value) int { return a.Addr().Compare(b.Addr()) }
	case types.Pattern:
		// pattern == string: an anchored match
		if rt.Kind() == types.String || lt.Kind() == types.String {
			px, sx := x, y
			if lt.Kind() == types.String {
				px, sx = y, x
			}
			eq := e.Op == "=="
			return func(fr *Frame) value.Value {
				return value.Bool(px(fr).P.(*value.Pattern).MatchExact(sx(fr).Str()) == eq)
			}
		}
	}
	if cmp == nil {
		t := ot
		switch e.Op {
		case "==":
			return func(fr *Frame) value.Value { return value.Bool(value.Equal(x(fr), y(fr), t)) }
		case "!=":
			return func(fr *Frame) value.Value { return value.Bool(!value.Equal(x(fr), y(fr), t)) }
		}
		return func(*Frame) value.Value { fail(e, "comparison not supported yet"); return value.None }
	}
	switch e.Op {
	case "==":
		return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr)) == 0) }
	case "!=":
		return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr)) != 0) }
	case "<":
		return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr)) < 0) }
	case "<=":
		return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr)) <= 0) }
	case ">":
		return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr)) > 0) }
	}
	return func(fr *Frame) value.Value { return value.Bool(cmp(x(fr), y(fr)) >= 0) }
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
