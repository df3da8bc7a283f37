package check

import (
	"math"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// expr checks e and records its type. want, when not nil, is the type the
// context expects; constructors ([...], set(), table(), vector(), {...})
// take their type from it. The caller checks that the result fits want.
func (c *Checker) expr(e ast.Expr, want types.Type) types.Type {
	if e == nil {
		return types.ErrorType
	}
	t := c.expr1(e, want)
	if t == nil {
		t = types.ErrorType
	}
	c.prog.Types[e] = t
	return t
}

// exprs checks expressions whose context has already failed, so that each
// still gets its own diagnostics and annotations.
func (c *Checker) exprs(es []ast.Expr) {
	for _, e := range es {
		c.expr(e, nil)
	}
}

func (c *Checker) expr1(e ast.Expr, want types.Type) types.Type {
	switch e := e.(type) {
	case *ast.Ident:
		return c.ident(e)
	case *ast.BasicLit:
		return c.literal(e)
	case *ast.UnaryExpr:
		return c.unary(e)
	case *ast.IncrExpr:
		t := c.expr(e.X, nil)
		if types.IsError(t) {
			return t
		}
		if !types.IsIntegral(t.Kind()) {
			c.errorf(e, e, "requires an integral operand")
			return types.ErrorType
		}
		c.lvalue(e.X)
		return t
	case *ast.BinaryExpr:
		return c.binary(e)
	case *ast.AssignExpr:
		return c.assign(e)
	case *ast.CondExpr:
		return c.cond(e, want)
	case *ast.IndexExpr:
		return c.index(e)
	case *ast.SliceExpr:
		return c.slice(e)
	case *ast.FieldExpr:
		return c.field(e)
	case *ast.HasFieldExpr:
		c.fieldOf(e, e.X, e.Name)
		return types.BoolType
	case *ast.CallExpr:
		return c.call(e, want)
	case *ast.FieldAssign:
		// Only meaningful inside record constructors, which handle it.
		c.errorf(e, e, "field assignment outside of a record constructor")
		c.expr(e.X, nil)
		return types.ErrorType
	case *ast.ConstructorExpr:
		return c.constructor(e, want)
	case *ast.ListExpr:
		return c.list(e, want)
	case *ast.BraceExpr:
		return c.brace(e, want)
	case *ast.CastExpr:
		from := c.expr(e.X, nil)
		to := c.resolveType(e.Type)
		if !types.IsError(from) && !types.IsError(to) && !castable(from, to) {
			c.errorf(e, e, "cast not supported")
		}
		return to
	case *ast.IsExpr:
		c.expr(e.X, nil)
		c.resolveType(e.Type)
		return types.BoolType
	case *ast.SizeExpr:
		return c.size(e)
	case *ast.CopyExpr:
		return c.expr(e.X, want)
	case *ast.LambdaExpr:
		return c.lambda(e, want)
	case *ast.HookExpr:
		c.invoke(e.Call, ast.Hook)
		return types.BoolType
	case *ast.ScheduleExpr:
		t := c.expr(e.When, types.IntervalType)
		if !types.IsError(t) && t.Kind() != types.Interval && t.Kind() != types.Time {
			c.errorf(e.When, e.When, "schedule requires an interval or a time")
		}
		c.invoke(e.Event, ast.Event)
		return types.VoidType
	}
	c.errorf(e, e, "unsupported expression")
	return types.ErrorType
}

// ident resolves a name used as a value.
func (c *Checker) ident(e *ast.Ident) types.Type {
	s := c.lookup(e)
	if s == nil {
		c.errorText(e, "", "unknown identifier %s, at or near \"%s\"", e.Name, e.Name)
		return types.ErrorType
	}
	c.prog.Uses[e] = s
	s.Referenced = true
	c.deprecatedUse(s, e)
	c.noteWhenUse(s)
	if s.Kind == TypeSym {
		// A type used as a value ($columns=Info for Log::create_stream):
		// the compiler makes a type value of Uses[e]; scripts pass it as any.
		return types.AnyType
	}
	return s.Type
}

// deprecatedUse warns about the use of a &deprecated name.
func (c *Checker) deprecatedUse(s *Symbol, n ast.Node) {
	if s != nil && s.Deprecated {
		c.deprecation(n, "", s.Name, s.DeprecatedMsg)
	}
}

// litTypes are the types of the constants.
var litTypes = map[ast.LitKind]types.Type{
	ast.LitBool: types.BoolType, ast.LitCount: types.CountType, ast.LitDouble: types.DoubleType,
	ast.LitString: types.StringType, ast.LitPattern: types.PatternType, ast.LitPort: types.PortType,
	ast.LitAddr: types.AddrType, ast.LitSubnet: types.SubnetType, ast.LitInterval: types.IntervalType,
}

func (c *Checker) literal(e *ast.BasicLit) types.Type {
	t := litTypes[e.Kind]
	if t == nil {
		return types.ErrorType
	}
	if e.Kind == ast.LitCount {
		if _, err := ast.CountLitValue(e.Value); err != nil {
			c.errorf(e, e, "literal is outside range of 'count' values")
		}
	}
	return t
}

func (c *Checker) unary(e *ast.UnaryExpr) types.Type {
	// A negated count literal is an int literal; check its range here,
	// where the sign is known.
	if lit, ok := e.X.(*ast.BasicLit); ok && lit.Kind == ast.LitCount && (e.Op == "-" || e.Op == "+") {
		c.prog.Types[lit] = types.CountType
		n, err := ast.CountLitValue(lit.Value)
		limit := uint64(math.MaxInt64)
		if e.Op == "-" {
			limit++
		}
		if err != nil || n > limit {
			c.errorf(e, e, "literal is outside range of 'int' values")
		}
		return types.IntType
	}
	t := c.expr(e.X, nil)
	if types.IsError(t) {
		return t
	}
	k := t.Kind()
	switch e.Op {
	case "!":
		if isBoolVector(t) {
			return t
		}
		if k != types.Bool {
			c.errorf(e, e, "requires an integral or boolean operand")
			return types.ErrorType
		}
		return types.BoolType
	case "~":
		if !types.IsIntegral(k) {
			c.errorf(e, e, "requires an integral operand")
			return types.ErrorType
		}
		return t
	case "-", "+":
		switch {
		case k == types.Count:
			return types.IntType
		case k == types.Int || k == types.Double || k == types.Interval:
			return t
		case k == types.Vector:
			// Element-wise, with the scalar rule: a count becomes an int.
			if el := t.(*types.VectorType).Elem; types.IsArith(el.Kind()) || el.Kind() == types.Interval {
				if el.Kind() == types.Count {
					return &types.VectorType{Elem: types.IntType}
				}
				return t
			}
		}
		c.errorf(e, e, "requires an arithmetic operand")
		return types.ErrorType
	}
	return types.ErrorType
}

func (c *Checker) binary(e *ast.BinaryExpr) types.Type {
	switch e.Op {
	case "&&", "||":
		x, y := c.expr(e.X, types.BoolType), c.expr(e.Y, types.BoolType)
		if types.IsError(x) || types.IsError(y) {
			return types.BoolType
		}
		if isBoolVector(x) && isBoolVector(y) {
			return x
		}
		if x.Kind() != types.Bool || y.Kind() != types.Bool {
			c.errorf(e, e, "requires boolean operands")
		}
		return types.BoolType
	case "in", "!in":
		return c.in(e)
	}
	x, y := c.expr(e.X, nil), c.expr(e.Y, nil)
	if types.IsError(x) || types.IsError(y) {
		if isComparison(e.Op) {
			return types.BoolType
		}
		return types.ErrorType
	}
	if isComparison(e.Op) {
		if xv, ok := x.(*types.VectorType); ok {
			if yv, ok := y.(*types.VectorType); ok {
				// Element-wise comparison of two vectors.
				xe, ye := xv.Elem.Kind(), yv.Elem.Kind()
				if types.IsArith(xe) && types.IsArith(ye) || types.Identical(xv.Elem, yv.Elem) {
					return &types.VectorType{Elem: types.BoolType}
				}
			}
		}
		c.compare(e, x, y)
		return types.BoolType
	}
	if t := arithResult(e.Op, x, y); t != nil {
		if types.IsArith(t.Kind()) {
			c.noteCoerce(e.X, x, t)
			c.noteCoerce(e.Y, y, t)
		}
		return t
	}
	switch e.Op {
	case "%", "<<", ">>", "^":
		c.errorf(e, e, "requires integral operands")
	case "&", "|":
		c.errorf(e, e, "requires \"count\" or compatible \"set\" operands")
	default:
		c.errorf(e, e, "requires arithmetic operands")
	}
	return types.ErrorType
}

func isBoolVector(t types.Type) bool {
	v, ok := t.(*types.VectorType)
	return ok && v.Elem.Kind() == types.Bool
}

func isComparison(op string) bool {
	switch op {
	case "==", "!=", "<", "<=", ">", ">=":
		return true
	}
	return false
}

// arithResult is the type of x op y for the non-comparison operators, or
// nil when the operands do not go together.
func arithResult(op string, x, y types.Type) types.Type {
	xk, yk := x.Kind(), y.Kind()
	if xk == types.Vector && yk == types.Vector {
		xe, ye := x.(*types.VectorType).Elem, y.(*types.VectorType).Elem
		if r := arithResult(op, xe, ye); r != nil {
			return &types.VectorType{Elem: r}
		}
		return nil
	}
	bothArith := types.IsArith(xk) && types.IsArith(yk)
	bothIntegral := types.IsIntegral(xk) && types.IsIntegral(yk)
	switch op {
	case "+":
		switch {
		case bothArith:
			return types.ArithType(types.MaxArith(xk, yk))
		case xk == types.Time && yk == types.Interval, xk == types.Interval && yk == types.Time:
			return types.TimeType
		case xk == types.Interval && yk == types.Interval:
			return types.IntervalType
		case xk == types.String && yk == types.String:
			return types.StringType
		}
	case "-":
		switch {
		case bothArith:
			if xk == types.Count && yk == types.Count {
				return types.CountType
			}
			return types.ArithType(types.MaxArith(xk, yk))
		case xk == types.Time && yk == types.Time:
			return types.IntervalType
		case xk == types.Time && yk == types.Interval:
			return types.TimeType
		case xk == types.Interval && yk == types.Interval:
			return types.IntervalType
		case (xk == types.Set || xk == types.Table) && types.Identical(x, y):
			return x
		}
	case "*":
		switch {
		case bothArith:
			return types.ArithType(types.MaxArith(xk, yk))
		case xk == types.Interval && types.IsArith(yk), types.IsArith(xk) && yk == types.Interval:
			return types.IntervalType
		}
	case "/":
		switch {
		case bothArith:
			return types.ArithType(types.MaxArith(xk, yk))
		case xk == types.Interval && types.IsArith(yk):
			return types.IntervalType
		case xk == types.Interval && yk == types.Interval:
			return types.DoubleType
		case xk == types.Addr && types.IsIntegral(yk):
			return types.SubnetType
		}
	case "%":
		if bothIntegral {
			return types.ArithType(types.MaxArith(xk, yk))
		}
	case "&", "|":
		switch {
		case bothIntegral:
			return types.ArithType(types.MaxArith(xk, yk))
		case xk == types.Pattern && yk == types.Pattern:
			return types.PatternType
		case (xk == types.Set || xk == types.Table) && types.Identical(x, y):
			return x
		}
	case "^":
		if bothIntegral {
			return types.ArithType(types.MaxArith(xk, yk))
		}
	case "<<", ">>":
		if bothIntegral {
			return x
		}
	}
	return nil
}

// ordered kinds support < <= > >=.
var ordered = map[types.Kind]bool{
	types.Count: true, types.Int: true, types.Double: true, types.String: true,
	types.Addr: true, types.Port: true, types.Time: true, types.Interval: true,
	types.Subnet: true, types.Set: true, types.Table: true, types.Enum: true,
}

func (c *Checker) compare(e *ast.BinaryExpr, x, y types.Type) {
	xk, yk := x.Kind(), y.Kind()
	if types.IsArith(xk) && types.IsArith(yk) {
		m := types.ArithType(types.MaxArith(xk, yk))
		c.noteCoerce(e.X, x, m)
		c.noteCoerce(e.Y, y, m)
		return
	}
	if e.Op == "==" || e.Op == "!=" {
		if xk == types.Pattern && yk == types.String || xk == types.String && yk == types.Pattern {
			return
		}
		if types.Identical(x, y) && xk != types.Record {
			return
		}
		if xk == types.Any || yk == types.Any {
			return
		}
		if xk == types.Record && types.Identical(x, y) {
			c.errorf(e, e, "illegal comparison")
			return
		}
		c.errorf(e, e, "operands must be of the same type")
		return
	}
	if !types.Identical(x, y) {
		c.errorf(e, e, "operands must be of the same type")
		return
	}
	if !ordered[xk] {
		c.errorf(e, e, "illegal comparison")
	}
}

// in checks "a in b" and "a !in b".
func (c *Checker) in(e *ast.BinaryExpr) types.Type {
	y := c.expr(e.Y, nil)
	if types.IsError(y) {
		c.expr(e.X, nil)
		return types.BoolType
	}
	if yt, ok := y.(*types.TableType); ok {
		elems := c.indexElems(e.X, yt)
		if len(elems) != len(yt.Index) {
			c.exprs(elems)
			c.errorf(e, e, "wrong number of index values")
		} else if !c.indexFits(elems, yt) {
			c.errorf(e, e, "index type mismatch")
		}
		return types.BoolType
	}
	x := c.expr(e.X, nil)
	if types.IsError(x) {
		return types.BoolType
	}
	xk, yk := x.Kind(), y.Kind()
	switch {
	case xk == types.Addr && yk == types.Subnet:
	case (xk == types.String || xk == types.Pattern) && yk == types.String:
	case types.IsIntegral(xk) && yk == types.Vector:
	default:
		c.errorf(e, e, "not an index type")
	}
	return types.BoolType
}

// cond checks c ? a : b; both arms must have the same type (arithmetic
// arms are promoted).
func (c *Checker) cond(e *ast.CondExpr, want types.Type) types.Type {
	ct := c.expr(e.Cond, types.BoolType)
	if !types.IsError(ct) && ct.Kind() != types.Bool {
		c.errorf(e.Cond, e, "requires boolean conditional")
	}
	x, y := c.expr(e.Then, want), c.expr(e.Else, want)
	if types.IsError(x) || types.IsError(y) {
		return types.ErrorType
	}
	if types.IsArith(x.Kind()) && types.IsArith(y.Kind()) {
		m := types.ArithType(types.MaxArith(x.Kind(), y.Kind()))
		c.noteCoerce(e.Then, x, m)
		c.noteCoerce(e.Else, y, m)
		return m
	}
	if !types.Identical(x, y) {
		c.errorf(e, e, "operands must be of the same type")
		return types.ErrorType
	}
	return x
}

func (c *Checker) index(e *ast.IndexExpr) types.Type {
	x := c.expr(e.X, nil)
	if types.IsError(x) {
		c.exprs(e.Index)
		return x
	}
	switch xt := x.(type) {
	case *types.TableType:
		if len(e.Index) != len(xt.Index) {
			c.exprs(e.Index)
			c.errorf(e, e, "wrong number of indices")
			return types.ErrorType
		}
		if !c.indexFits(e.Index, xt) {
			c.errorf(e, e, "index type mismatch")
			return types.ErrorType
		}
		return c.indexResult(xt)
	case *types.VectorType:
		if len(e.Index) != 1 {
			c.errorf(e, e, "vectors take a single index")
			return types.ErrorType
		}
		t := c.expr(e.Index[0], nil)
		if types.IsError(t) {
			return xt.Elem
		}
		if iv, ok := t.(*types.VectorType); ok {
			// v[index_vec] and v[vector of bool] select elements.
			if k := iv.Elem.Kind(); types.IsIntegral(k) || k == types.Bool {
				return xt
			}
		}
		if !types.IsIntegral(t.Kind()) {
			c.errorf(e, e, "vector index must be integral")
			return types.ErrorType
		}
		return xt.Elem
	}
	if x.Kind() == types.String && len(e.Index) == 1 {
		t := c.expr(e.Index[0], nil)
		if !types.IsError(t) && !types.IsIntegral(t.Kind()) {
			c.errorf(e, e, "string index must be integral")
		}
		return types.StringType
	}
	c.exprs(e.Index)
	c.errorf(e, e, "not an index type")
	return types.ErrorType
}

// indexList splits an index written [a, b] into its values; anything
// else, a list of $-fields (a record) included, is one value (list nil).
func indexList(x ast.Expr) (es []ast.Expr, list *ast.ListExpr) {
	if l, ok := x.(*ast.ListExpr); ok && !allFieldAssigns(l.Elems) {
		return l.Elems, l
	}
	return []ast.Expr{x}, nil
}

// indexElems returns the values of an index of table t ("x in t", a
// constructor element), typing a list [a, b] as t's index tuple.
func (c *Checker) indexElems(x ast.Expr, t *types.TableType) []ast.Expr {
	es, l := indexList(x)
	if l != nil {
		c.prog.Types[l] = t.IndexList()
	}
	return es
}

// indexFits checks as many index values as t has index types, without
// reporting a mismatch. A single address may look up a subnet index (the
// containing prefixes) and a single string a pattern index (the matching
// patterns).
func (c *Checker) indexFits(es []ast.Expr, t *types.TableType) bool {
	if len(es) == 1 {
		want := t.Index[0]
		x := c.expr(es[0], want)
		xk, wk := x.Kind(), want.Kind()
		if xk == types.Addr && wk == types.Subnet || xk == types.String && wk == types.Pattern {
			return true
		}
		return c.checkAndPromote(es[0], x, want)
	}
	return c.fitsList(es, t.Index)
}

func (c *Checker) indexResult(t *types.TableType) types.Type {
	if t.IsSet() {
		// Zeek gives a set lookup no value; membership is "in".
		return types.BoolType
	}
	return t.Yield
}

func (c *Checker) slice(e *ast.SliceExpr) types.Type {
	x := c.expr(e.X, nil)
	for _, b := range []ast.Expr{e.Lo, e.Hi} {
		if b == nil {
			continue
		}
		if t := c.expr(b, nil); !types.IsError(t) && !types.IsIntegral(t.Kind()) {
			c.errorf(b, b, "slice index must be integral")
		}
	}
	if types.IsError(x) {
		return x
	}
	if x.Kind() != types.String && x.Kind() != types.Vector {
		c.errorf(e, e, "not an index type")
		return types.ErrorType
	}
	return x
}

func (c *Checker) field(e *ast.FieldExpr) types.Type {
	r, f := c.fieldOf(e, e.X, e.Name)
	if f == nil {
		return types.ErrorType
	}
	if f.Deprecated {
		// Unlike a name, a field use is reported with its expression.
		c.deprecation(e, ast.Format(e), r.String()+"$"+f.Name, f.DeprecMsg)
	}
	return f.Type
}

// fieldOf checks x$name and x?$name (e), reporting a non-record x or a
// missing field; it returns the field (nil after an error).
func (c *Checker) fieldOf(e, x ast.Expr, name string) (*types.RecordType, *types.Field) {
	t := c.expr(x, nil)
	if types.IsError(t) {
		return nil, nil
	}
	r, ok := t.(*types.RecordType)
	if !ok {
		c.errorf(e, e, "not a record")
		return nil, nil
	}
	f := r.Field(name)
	if f == nil {
		c.errorf(e, e, "no such field in record")
	}
	return r, f
}

// size types |x| as Zeek does: a double for what is stored as one (double,
// time, interval: the absolute value), for a subnet (its number of
// addresses) and a file (its size); any for any, whose value decides; a
// count for everything else (lengths, |int|, enum values, bits of an addr).
func (c *Checker) size(e *ast.SizeExpr) types.Type {
	t := c.expr(e.X, nil)
	if types.IsError(t) {
		return t
	}
	switch t.Kind() {
	case types.Double, types.Time, types.Interval, types.Subnet, types.File:
		return types.DoubleType
	case types.Any:
		return types.AnyType
	case types.Void:
		c.errorf(e, e, "operand has no size")
		return types.ErrorType
	}
	return types.CountType
}

// castable reports whether "x as T" may succeed: any and Broker data
// convert at run time; sets and vectors convert into each other.
func castable(from, to types.Type) bool {
	fk, tk := from.Kind(), to.Kind()
	switch {
	case fk == types.Any || tk == types.Any:
		return true
	case fk == types.Record || fk == types.Opaque:
		return true // Broker::Data
	case (fk == types.Set || fk == types.Vector) && (tk == types.Set || tk == types.Vector):
		return true
	case types.IsArith(fk) && types.IsArith(tk):
		return true
	}
	return types.Promotable(from, to)
}
