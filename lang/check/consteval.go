package check

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/types"
)

// CondExpr checks an @if condition (it must be bool) and evaluates it at
// load time: constants, arithmetic, comparisons, logic, "in" on constant
// containers, globals whose current value (initializer or last "=" redef)
// is constant, and calls through CallHook.
func (c *Checker) CondExpr(e ast.Expr) (bool, error) {
	saveFn := c.fn
	c.fn = nil
	defer func() { c.fn = saveFn }()
	n := len(c.diags.Items)
	t := c.expr(e, types.BoolType)
	for _, d := range c.diags.Items[n:] {
		if d.Severity != diag.Warning {
			return false, errors.New(d.Header())
		}
	}
	if types.IsError(t) || t.Kind() != types.Bool {
		return false, notBool(e)
	}
	return c.evalBool(e, 0)
}

// notBool renders the condition as written where it is a plain string.
func notBool(e ast.Expr) error {
	s := ast.Format(e)
	if l, ok := e.(*ast.BasicLit); ok && l.Kind == ast.LitString {
		s = strconv.Quote(l.Value)
	}
	return fmt.Errorf("@if condition must be boolean (%s)", s)
}

// constValue evaluates e at load time. An e not yet checked is checked
// first; its errors stay reported and make it no constant. Failing to
// evaluate is not reported: the caller knows what it needed.
func (c *Checker) constValue(e ast.Expr) (any, bool) {
	if _, ok := c.prog.Types[e]; !ok {
		n := len(c.diags.Items)
		saveFn := c.fn
		c.fn = nil
		c.expr(e, nil)
		c.fn = saveFn
		if len(c.diags.Items) > n {
			return nil, false
		}
	}
	v, err := c.eval(e, 0)
	return v, err == nil
}

// constInt evaluates an integral constant (enum values, &priority).
func (c *Checker) constInt(e ast.Expr) (int64, bool) {
	v, ok := c.constValue(e)
	if !ok {
		return 0, false
	}
	switch v := v.(type) {
	case uint64:
		if v > math.MaxInt64 {
			return 0, false
		}
		return int64(v), true
	case int64:
		return v, true
	}
	return 0, false
}

// Load-time values are bool, uint64 (count), int64 (int), float64
// (double), interval, string, *types.EnumConst and []any (a set, as its
// elements); other constants (ports, addresses...) are their text, which
// is enough for == and in.
//
// interval is seconds; a type of its own so that arithmetic knows its
// result is an interval too.
type interval float64

func notConst(e ast.Expr) error {
	return fmt.Errorf("cannot evaluate %s at load time", ast.Format(e))
}

func (c *Checker) eval(e ast.Expr, depth int) (any, error) {
	if depth > 64 {
		return nil, notConst(e)
	}
	switch e := e.(type) {
	case *ast.BasicLit:
		switch e.Kind {
		case ast.LitBool:
			return e.Value == "T", nil
		case ast.LitCount:
			n, err := ast.CountLitValue(e.Value)
			if err != nil {
				return nil, notConst(e)
			}
			return n, nil
		case ast.LitDouble:
			f, err := strconv.ParseFloat(e.Value, 64)
			if err != nil {
				return nil, notConst(e)
			}
			return f, nil
		case ast.LitString:
			return e.Value, nil
		case ast.LitInterval:
			if s, ok := ast.IntervalLitSeconds(e.Value); ok {
				return interval(s), nil
			}
		}
		return ast.FormatLit(e), nil // ports, addrs...: compared as text
	case *ast.Ident:
		s := c.prog.Uses[e]
		if s == nil {
			return nil, notConst(e)
		}
		switch s.Kind {
		case EnumSym:
			return s.Enum, nil
		case ConstVar, OptionVar, GlobalVar:
			init := s.Init
			for _, r := range s.Redefs {
				if r.Op == "=" {
					init = r.Expr
				} else {
					return nil, notConst(e)
				}
			}
			if init == nil {
				return nil, notConst(e)
			}
			return c.eval(init, depth+1)
		}
		return nil, notConst(e)
	case *ast.UnaryExpr:
		x, err := c.eval(e.X, depth+1)
		if err != nil {
			return nil, err
		}
		switch e.Op {
		case "!":
			if b, ok := x.(bool); ok {
				return !b, nil
			}
		case "-":
			switch x := x.(type) {
			case uint64:
				return -int64(x), nil
			case int64:
				return -x, nil
			case float64:
				return -x, nil
			case interval:
				return -x, nil
			}
		case "+":
			switch x := x.(type) {
			case uint64:
				return int64(x), nil
			case int64, float64, interval:
				return x, nil
			}
		}
		return nil, notConst(e)
	case *ast.BinaryExpr:
		return c.evalBinary(e, depth)
	case *ast.CondExpr:
		cond, err := c.evalBool(e.Cond, depth+1)
		if err != nil {
			return nil, err
		}
		if cond {
			return c.eval(e.Then, depth+1)
		}
		return c.eval(e.Else, depth+1)
	case *ast.CallExpr:
		return c.evalCall(e, depth)
	case *ast.SizeExpr:
		x, err := c.eval(e.X, depth+1)
		if err != nil {
			return nil, err
		}
		switch x := x.(type) {
		case string:
			return uint64(len(x)), nil
		case []any:
			return uint64(len(x)), nil
		case uint64:
			return x, nil
		case int64:
			if x < 0 {
				x = -x
			}
			return uint64(x), nil
		case float64:
			return math.Abs(x), nil
		case interval:
			return math.Abs(float64(x)), nil // |interval| is a double
		}
		return nil, notConst(e)
	case *ast.ConstructorExpr:
		if e.Kind == ast.SetCons {
			return c.evalList(e.Args, depth)
		}
	case *ast.BraceExpr:
		return c.evalList(e.Elems, depth)
	}
	return nil, notConst(e)
}

func (c *Checker) evalList(es []ast.Expr, depth int) (any, error) {
	out := make([]any, 0, len(es))
	for _, x := range es {
		v, err := c.eval(x, depth+1)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

func (c *Checker) evalCall(e *ast.CallExpr, depth int) (any, error) {
	id, ok := e.Fun.(*ast.Ident)
	if !ok {
		return nil, notConst(e)
	}
	s := c.prog.Uses[id]
	if s == nil || s.Kind != FuncSym {
		return nil, notConst(e)
	}
	args := make([]any, len(e.Args))
	for i, a := range e.Args {
		v, err := c.eval(a, depth+1)
		if err != nil {
			return nil, err
		}
		args[i] = v
	}
	if c.CallHook != nil {
		if v, ok := c.CallHook(s.Name, args); ok {
			return v, nil
		}
	}
	if len(args) == 1 {
		if str, ok := args[0].(string); ok {
			switch s.Name {
			case "getenv":
				return os.Getenv(str), nil
			case "to_lower":
				return strings.ToLower(str), nil
			case "to_upper":
				return strings.ToUpper(str), nil
			}
		}
	}
	// Until the interpreter provides CallHook: a script function without
	// parameters whose body is one "return expr;".
	if f := s.Func; f != nil && len(args) == 0 && len(f.Bodies) == 1 && f.Type.Flavor == ast.Function {
		if d := f.Bodies[0].Decl; d != nil && d.Body != nil && len(d.Body.Stmts) == 1 {
			if r, ok := d.Body.Stmts[0].(*ast.ReturnStmt); ok && r.X != nil {
				return c.eval(r.X, depth+1)
			}
		}
	}
	return nil, notConst(e)
}

// num widens a numeric value for mixed arithmetic.
func num(v any) (float64, bool) {
	switch v := v.(type) {
	case uint64:
		return float64(v), true
	case int64:
		return float64(v), true
	case float64:
		return v, true
	case interval:
		return float64(v), true
	}
	return 0, false
}

// evalBool evaluates e, which must give a bool.
func (c *Checker) evalBool(e ast.Expr, depth int) (bool, error) {
	v, err := c.eval(e, depth)
	if err != nil {
		return false, err
	}
	b, ok := v.(bool)
	if !ok {
		return false, notConst(e)
	}
	return b, nil
}

func (c *Checker) evalBinary(e *ast.BinaryExpr, depth int) (any, error) {
	// && and || short-circuit, as at run time.
	if e.Op == "&&" || e.Op == "||" {
		x, err := c.evalBool(e.X, depth+1)
		if err != nil || x == (e.Op == "||") {
			return x, err
		}
		return c.evalBool(e.Y, depth+1)
	}
	x, err := c.eval(e.X, depth+1)
	if err != nil {
		return nil, err
	}
	y, err := c.eval(e.Y, depth+1)
	if err != nil {
		return nil, err
	}
	switch e.Op {
	case "in", "!in":
		var in bool
		switch yv := y.(type) {
		case []any:
			for _, el := range yv {
				if el == x {
					in = true
				}
			}
		case string:
			xs, ok := x.(string)
			if !ok {
				return nil, notConst(e)
			}
			in = strings.Contains(yv, xs)
		default:
			return nil, notConst(e)
		}
		return in == (e.Op == "in"), nil
	case "==", "!=":
		eq, ok := equalConst(x, y)
		if !ok {
			return nil, notConst(e)
		}
		return eq == (e.Op == "=="), nil
	case "<", "<=", ">", ">=":
		if xs, ok := x.(string); ok {
			ys, ok := y.(string)
			if !ok {
				return nil, notConst(e)
			}
			return compareOp(e.Op, cmp.Compare(xs, ys)), nil
		}
		a, ok1 := num(x)
		b, ok2 := num(y)
		if !ok1 || !ok2 {
			return nil, notConst(e)
		}
		return compareOp(e.Op, cmp.Compare(a, b)), nil
	case "+":
		if xs, ok := x.(string); ok {
			if ys, ok := y.(string); ok {
				return xs + ys, nil
			}
		}
	}
	return evalArith(e, x, y)
}

func compareOp(op string, cmp int) bool {
	switch op {
	case "<":
		return cmp < 0
	case "<=":
		return cmp <= 0
	case ">":
		return cmp > 0
	}
	return cmp >= 0
}

func equalConst(x, y any) (bool, bool) {
	if a, ok := num(x); ok {
		b, ok := num(y)
		return a == b, ok
	}
	switch x.(type) {
	case bool, string, *types.EnumConst:
		return x == y, true
	}
	return false, false
}

// evalArith computes x op y for + - * / %: in count arithmetic when both
// are counts, int when both are integral, else double (interval when
// either is one, except interval / interval).
func evalArith(e *ast.BinaryExpr, x, y any) (any, error) {
	xu, xCount := x.(uint64)
	yu, yCount := y.(uint64)
	if xCount && yCount {
		return intArith(e, xu, yu)
	}
	xi, xInt := toInt(x)
	yi, yInt := toInt(y)
	if xInt && yInt {
		return intArith(e, xi, yi)
	}
	a, ok1 := num(x)
	b, ok2 := num(y)
	if !ok1 || !ok2 || e.Op == "%" {
		return nil, notConst(e)
	}
	r, err := arith(e, a, b)
	if err != nil {
		return nil, err
	}
	_, xIv := x.(interval)
	_, yIv := y.(interval)
	if (xIv || yIv) && !(xIv && yIv && e.Op == "/") {
		return interval(r), nil
	}
	return r, nil
}

// arith is + - * / on numbers of one kind; integer division truncates.
func arith[T uint64 | int64 | float64](e *ast.BinaryExpr, x, y T) (T, error) {
	switch e.Op {
	case "+":
		return x + y, nil
	case "-":
		return x - y, nil
	case "*":
		return x * y, nil
	case "/":
		if y == 0 {
			return 0, divByZero(e)
		}
		return x / y, nil
	}
	return 0, notConst(e)
}

// intArith is arith plus % for count and int.
func intArith[T uint64 | int64](e *ast.BinaryExpr, x, y T) (any, error) {
	if e.Op == "%" {
		if y == 0 {
			return nil, divByZero(e)
		}
		return x % y, nil
	}
	r, err := arith(e, x, y)
	if err != nil {
		return nil, err
	}
	return r, nil
}

func divByZero(e *ast.BinaryExpr) error {
	return fmt.Errorf("division by zero (%s)", ast.Format(e))
}

func toInt(v any) (int64, bool) {
	switch v := v.(type) {
	case uint64:
		return int64(v), true
	case int64:
		return v, true
	}
	return 0, false
}
