package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// lvalue checks that e may be assigned: not a const or option, not a
// function or type name.
func (c *Checker) lvalue(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident:
		s := c.prog.Uses[x]
		if s == nil {
			return false
		}
		switch {
		case s.Kind == ConstVar || s.IsConst:
			c.errorf(x, x, "const is not a modifiable lvalue")
			return false
		case s.Kind == OptionVar:
			c.errorf(x, x, "option is not a modifiable lvalue")
			return false
		case s.Kind == FuncSym && assignableFunc(s):
			// "global f: function(...)" declares a variable of function
			// type: a function value (a lambda) may be assigned to it.
			s.Func.Assigned = true
			return true
		case s.Kind == FuncSym || s.Kind == EnumSym || s.Kind == TypeSym:
			c.errorf(x, x, "illegal assignment target")
			return false
		}
		return true
	case *ast.IndexExpr:
		if t := c.prog.Types[x.X]; t != nil && t.Kind() == types.String {
			c.errorf(x, x, "cannot assign to string index expression")
			return false
		}
		return true
	case *ast.SliceExpr:
		// v[i:j] = w replaces that part of a vector.
		if t := c.prog.Types[x.X]; t != nil && t.Kind() == types.String {
			c.errorf(x, x, "cannot assign to string index expression")
			return false
		}
		return true
	case *ast.FieldExpr:
		return true
	case *ast.ListExpr:
		ok := true
		for _, el := range x.Elems {
			ok = c.lvalue(el) && ok
		}
		return ok
	}
	c.errorf(e, e, "illegal assignment target")
	return false
}

// assignableFunc reports whether a function symbol is a script function
// variable: not a BIF, an event or a hook.
func assignableFunc(s *Symbol) bool {
	f := s.Func
	return f != nil && !f.Builtin && f.Type.Flavor == ast.Function
}

// assign checks lhs op rhs; the value is lhs's type.
func (c *Checker) assign(e *ast.AssignExpr) types.Type {
	if l, ok := e.LHS.(*ast.ListExpr); ok && e.Op == "=" {
		// [a, b] = idx: multi-assignment from a list (or any) value.
		for _, el := range l.Elems {
			c.expr(el, nil)
		}
		c.lvalue(l)
		c.expr(e.RHS, nil)
		return types.VoidType
	}
	lt := c.expr(e.LHS, nil)
	if types.IsError(lt) {
		c.expr(e.RHS, nil)
		return lt
	}
	if !c.lvalue(e.LHS) {
		c.expr(e.RHS, lt)
		return lt
	}
	if !c.compound(e, e.Op, lt, e.RHS) {
		return types.ErrorType
	}
	return lt
}

// compound checks "target op rhs" for op = += -=, as in assignments and
// redefs, and reports "type clash in assignment" with e's rendering.
func (c *Checker) compound(e ast.Expr, op string, lt types.Type, rhs ast.Expr) bool {
	clash := func() bool {
		c.errorf(e, e, "type clash in assignment")
		return false
	}
	switch op {
	case "=":
		if rt, ok := c.typed(rhs, lt); !ok {
			c.assignClash(e, ast.Format(e), lt, rt)
			return false
		}
		return true
	case "+=", "-=":
		switch lt := lt.(type) {
		case *types.VectorType:
			if op == "-=" {
				break
			}
			rt := c.expr(rhs, lt.Elem)
			if types.IsError(rt) || types.Identical(rt, lt) {
				return true
			}
			if !c.checkAndPromote(rhs, rt, lt.Elem) {
				if types.IsArith(lt.Elem.Kind()) && !types.IsArith(rt.Kind()) {
					c.errorf(e, e, "appending non-arithmetic to arithmetic vector")
					return false
				}
				return clash()
			}
			return true
		case *types.TableType:
			rt := c.expr(rhs, lt)
			if types.IsError(rt) || types.Promotable(rt, lt) || c.constructorFits(rhs, lt) {
				return true
			}
			if op == "-=" && len(lt.Index) == 1 && types.Promotable(rt, lt.Index[0]) {
				return true
			}
			return clash()
		}
		rt := c.expr(rhs, nil)
		if types.IsError(rt) {
			return true
		}
		lk, rk := lt.Kind(), rt.Kind()
		switch {
		case types.IsArith(lk) && types.IsArith(rk):
			if types.MaxArith(lk, rk) != lk && !(lk == types.Count && rk == types.Int && isLiteral(rhs)) {
				return clash()
			}
			c.noteCoerce(rhs, rt, lt)
			return true
		case lk == types.String && rk == types.String && op == "+=":
			return true
		case lk == types.Pattern && rk == types.Pattern && op == "+=":
			return true
		case lk == types.Interval && rk == types.Interval:
			return true
		case lk == types.Time && rk == types.Interval:
			return true
		}
		return clash()
	}
	return clash()
}

// assignClash reports a value of type rt that cannot be assigned to lt,
// with Zeek's message for the kinds involved; text renders the assignment.
func (c *Checker) assignClash(n ast.Node, text string, lt, rt types.Type) {
	if types.IsError(rt) || types.IsError(lt) {
		return
	}
	lk, rk := lt.Kind(), rt.Kind()
	switch {
	case types.IsArith(lk) && !types.IsArith(rk) && rk != types.Enum:
		c.errorText(n, text, "assignment of non-arithmetic value to arithmetic (%s/%s)", lt, rt)
	case lk == types.Enum && types.IsArith(rk), types.IsArith(lk) && rk == types.Enum:
		c.errorText(n, text, "can't convert to/from enumerated type")
	default:
		c.errorText(n, text, "type clash in assignment")
	}
}

func isLiteral(e ast.Expr) bool {
	switch e := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.UnaryExpr:
		return isLiteral(e.X)
	}
	return false
}
