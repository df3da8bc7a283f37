package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/types"
)

// constructor checks record(), set(), table() and vector(), typed by the
// context when it wants a type of the same kind.
func (c *Checker) constructor(e *ast.ConstructorExpr, want types.Type) types.Type {
	var t types.Type
	switch e.Kind {
	case ast.RecordCons:
		if r, ok := want.(*types.RecordType); ok {
			t = c.recordFields(e, e.Args, r, "(coerce "+ast.Format(e)+" to "+r.String()+")")
		} else {
			t = c.anonRecord(e.Args)
		}
	default:
		if want != nil && want.Kind() == consKinds[e.Kind] {
			t = c.containerCons(e, e.Args, want)
		} else {
			t = c.inferCons(e, e.Kind, e.Args, want)
		}
	}
	if len(e.Attrs) > 0 {
		c.checkAttrs(e.Attrs, attrCons, t)
	}
	return t
}

// consKinds are the kinds of type each constructor makes.
var consKinds = map[ast.ConstructorKind]types.Kind{
	ast.RecordCons: types.Record, ast.SetCons: types.Set, ast.TableCons: types.Table, ast.VectorCons: types.Vector,
}

// list checks [...]: a record constructor when it holds $-fields or the
// context wants a record, a table constructor when it holds [k] = v
// entries and the context wants a table, otherwise an index list.
func (c *Checker) list(e *ast.ListExpr, want types.Type) types.Type {
	if r, ok := want.(*types.RecordType); ok && allFieldAssigns(e.Elems) {
		return c.recordFields(e, e.Elems, r, "(coerce "+ast.Format(e)+" to "+r.String()+")")
	}
	if len(e.Elems) > 0 && allFieldAssigns(e.Elems) {
		return c.anonRecord(e.Elems)
	}
	if w, ok := want.(*types.TableType); ok && !w.IsSet() && len(e.Elems) > 0 && allAssigns(e.Elems) {
		// [[k1] = v1, [k2] = v2] initializes a table like {...}.
		return c.containerCons(e, e.Elems, w)
	}
	var wants []types.Type
	if l, ok := want.(*types.ListType); ok && len(l.Elems) == len(e.Elems) {
		wants = l.Elems
	}
	lt := &types.ListType{}
	for i, el := range e.Elems {
		var w types.Type
		if wants != nil {
			w = wants[i]
		}
		lt.Elems = append(lt.Elems, c.expr(el, w))
	}
	return lt
}

func allAssigns(es []ast.Expr) bool {
	for _, e := range es {
		if a, ok := e.(*ast.AssignExpr); !ok || a.Op != "=" {
			return false
		}
	}
	return true
}

func allFieldAssigns(es []ast.Expr) bool {
	for _, e := range es {
		if _, ok := e.(*ast.FieldAssign); !ok {
			return false
		}
	}
	return true
}

// fieldAssign returns a record constructor element as a $name=value, or
// reports it and returns nil.
func (c *Checker) fieldAssign(a ast.Expr) *ast.FieldAssign {
	fa, ok := a.(*ast.FieldAssign)
	if !ok {
		c.expr(a, nil)
		c.errorf(a, a, "bad record constructor element")
	}
	return fa
}

// anonRecord builds the record type of [$a=1, $b="x"] without context.
func (c *Checker) anonRecord(args []ast.Expr) types.Type {
	r := types.NewRecord("")
	for _, a := range args {
		fa := c.fieldAssign(a)
		if fa == nil {
			continue
		}
		t := c.expr(fa.X, nil)
		c.prog.Types[fa] = t
		if err := r.AddField(&types.Field{Name: fa.Name, Type: t}); err != nil {
			c.errorf(fa, fa, "%v", err)
		}
	}
	return r
}

// recordFields checks $-field assignments against record type r: every
// field must exist ("orphaned field") with a fitting value ("type clash
// for field"), and every mandatory field must be given.
func (c *Checker) recordFields(n ast.Node, args []ast.Expr, r *types.RecordType, text string) types.Type {
	given := map[string]bool{}
	for _, a := range args {
		fa := c.fieldAssign(a)
		if fa == nil {
			continue
		}
		f := r.Field(fa.Name)
		if f == nil {
			c.expr(fa.X, nil)
			c.errorText(n, text, "orphaned field %q in record coercion", fa.Name)
			continue
		}
		given[fa.Name] = true
		t := c.expr(fa.X, f.Type)
		c.prog.Types[fa] = t
		if types.IsError(t) || types.IsError(f.Type) {
			continue
		}
		if types.Promotable(t, f.Type) || c.constructorFits(fa.X, f.Type) {
			c.noteCoerce(fa.X, t, f.Type)
			continue
		}
		d := c.errorText(n, text+" and "+t.String(), "type clash for field %q", fa.Name)
		d.Other = t.String()
	}
	for _, f := range r.Fields {
		if !given[f.Name] && !f.Optional && f.Default == nil {
			c.errorText(n, text, "mandatory field %q missing", f.Name)
		}
	}
	return r
}

// containerCons checks set/table/vector constructor elements against the
// wanted type (a set, table or vector). On mismatch the result is the type
// the elements suggest, so the caller also reports its own clash, as Zeek
// does.
func (c *Checker) containerCons(e ast.Expr, args []ast.Expr, want types.Type) types.Type {
	ok := true
	switch w := want.(type) {
	case *types.VectorType:
		for _, a := range args {
			ok = c.promote(a, w.Elem) && ok
		}
		if !ok {
			c.errorf(e, e, "inconsistent types in vector constructor")
		}
	case *types.TableType:
		for _, a := range args {
			if w.IsSet() {
				ok = c.indexElem(a, w) && ok
				continue
			}
			as, isAssign := a.(*ast.AssignExpr)
			if !isAssign || as.Op != "=" {
				c.expr(a, nil)
				c.errorf(a, a, "table constructor element must be an assignment")
				ok = false
				continue
			}
			c.prog.Types[as] = w.Yield
			ok = c.indexElem(as.LHS, w) && ok
			ok = c.promote(as.RHS, w.Yield) && ok
		}
		if !ok {
			what := "table"
			if w.IsSet() {
				what = "set"
			}
			c.errorf(e, e, "inconsistent type in %s constructor", what)
		}
	}
	if !ok {
		return c.suggested(want.Kind(), args)
	}
	return want
}

// indexElem checks one index of a set/table constructor: [a, b] or a.
// A value of the index list may be a set of values of its place instead
// ([set("a", "b"), 1]): the constructor then holds the cross product.
func (c *Checker) indexElem(a ast.Expr, w *types.TableType) bool {
	es := c.indexElems(a, w)
	if len(es) != len(w.Index) {
		c.exprs(es)
		c.errorf(a, a, "wrong number of index values")
		return false
	}
	ok := true
	for i, x := range es {
		ok = c.promoteOrExpand(x, w.Index[i]) && ok
	}
	return ok
}

// promoteOrExpand is promote for one value of a constructor index, which
// may also be a set whose members fit want: Program.Expand records it.
func (c *Checker) promoteOrExpand(e ast.Expr, want types.Type) bool {
	t, fits := c.typed(e, want)
	if fits {
		return true
	}
	if el := expandElem(t); el != nil && types.Promotable(el, want) {
		c.prog.Expand[e] = want
		return true
	}
	c.arithMixed(e, t, want)
	c.mismatch(e, want)
	return false
}

// expandElem is the member type of a set with a single index, the values
// a cross-product constructor takes from it; nil for anything else.
func expandElem(t types.Type) types.Type {
	if s, ok := t.(*types.TableType); ok && s.IsSet() && len(s.Index) == 1 {
		return s.Index[0]
	}
	return nil
}

// suggested is the type of kind that the first element of a failed
// constructor suggests, for the caller's "type clash" message.
func (c *Checker) suggested(kind types.Kind, args []ast.Expr) types.Type {
	if len(args) == 0 {
		return types.ErrorType
	}
	elem := func(a ast.Expr) []types.Type {
		es, _ := indexList(a)
		ts := make([]types.Type, len(es))
		for i, x := range es {
			ts[i] = c.prog.Types[x]
		}
		return ts
	}
	switch kind {
	case types.Set:
		return types.NewSet(elem(args[0])...)
	case types.Vector:
		return &types.VectorType{Elem: c.prog.Types[args[0]]}
	case types.Table:
		if as, ok := args[0].(*ast.AssignExpr); ok {
			return types.NewTable(c.prog.Types[as.RHS], elem(as.LHS)...)
		}
	}
	return types.ErrorType
}

// inferCons types a constructor without context from its elements.
func (c *Checker) inferCons(e ast.Expr, kind ast.ConstructorKind, args []ast.Expr, want types.Type) types.Type {
	if len(args) == 0 {
		if want == nil {
			c.errorf(e, e, "empty constructor in untyped initialization")
			return types.ErrorType
		}
		if want.Kind() == types.Any {
			return types.AnyType
		}
	}
	switch kind {
	case ast.VectorCons:
		var et types.Type
		for _, a := range args {
			t := c.expr(a, nil)
			if types.IsError(t) {
				return types.ErrorType
			}
			et = unify(et, t)
			if et == nil {
				c.errorf(e, e, "inconsistent types in vector constructor")
				return types.ErrorType
			}
		}
		if et == nil {
			return types.ErrorType
		}
		return &types.VectorType{Elem: et}
	case ast.SetCons:
		var idx []types.Type
		for i, a := range args {
			ts := c.indexTypes(a)
			if ts == nil {
				return types.ErrorType
			}
			if i == 0 {
				idx = ts
				continue
			}
			if idx = unifyList(idx, ts); idx == nil {
				c.errorf(e, e, "inconsistent type in set constructor")
				return types.ErrorType
			}
		}
		c.fixExpand(args, idx)
		return types.NewSet(idx...)
	case ast.TableCons:
		var idx []types.Type
		var yield types.Type
		for _, a := range args {
			as, ok := a.(*ast.AssignExpr)
			if ok {
				_, ok = as.LHS.(*ast.ListExpr)
			}
			if !ok {
				for _, a := range args {
					c.exprQuiet(a)
				}
				c.errorf(e, e, "cannot determine type for table; ensure square brackets are around each key")
				return types.ErrorType
			}
			ts := c.indexTypes(as.LHS)
			yt := c.expr(as.RHS, nil)
			c.prog.Types[as] = yt
			if ts == nil || types.IsError(yt) {
				return types.ErrorType
			}
			if idx == nil {
				idx, yield = ts, yt
				continue
			}
			idx, yield = unifyList(idx, ts), unify(yield, yt)
			if idx == nil || yield == nil {
				c.errorf(e, e, "inconsistent type in table constructor")
				return types.ErrorType
			}
		}
		lhs := make([]ast.Expr, len(args))
		for i, a := range args {
			lhs[i] = a.(*ast.AssignExpr).LHS
		}
		c.fixExpand(lhs, idx)
		return types.NewTable(yield, idx...)
	}
	return types.ErrorType
}

// fixExpand gives the expanded sets of inferred constructor indexes the
// final index types, which unification may have widened.
func (c *Checker) fixExpand(indexes []ast.Expr, idx []types.Type) {
	for _, a := range indexes {
		es, l := indexList(a)
		if l == nil || len(es) != len(idx) {
			continue
		}
		for i, x := range es {
			if _, ok := c.prog.Expand[x]; ok {
				c.prog.Expand[x] = idx[i]
			}
		}
	}
}

// exprQuiet checks e for annotations but drops its diagnostics (used where
// a better message about the whole construct follows).
func (c *Checker) exprQuiet(e ast.Expr) {
	n := len(c.diags.Items)
	if as, ok := e.(*ast.AssignExpr); ok {
		c.expr(as.LHS, nil)
		c.expr(as.RHS, nil)
	} else {
		c.expr(e, nil)
	}
	keep := c.diags.Items[:n]
	for _, d := range c.diags.Items[n:] {
		if d.Severity == diag.Warning {
			keep = append(keep, d)
		}
	}
	c.diags.Items = keep
}

// indexTypes checks one untyped index, [a, b] or a, and returns the types
// of its values (nil after an error). Inside [...], a set value stands
// for its members (a cross product): its place gets the member type and
// Program.Expand records it (fixExpand sets the final type).
func (c *Checker) indexTypes(a ast.Expr) []types.Type {
	es, l := indexList(a)
	var ts []types.Type
	for _, x := range es {
		t := c.expr(x, nil)
		if types.IsError(t) {
			return nil
		}
		if el := expandElem(t); el != nil && l != nil {
			c.prog.Expand[x] = el
			t = el
		}
		ts = append(ts, t)
	}
	if l != nil {
		c.prog.Types[l] = &types.ListType{Elems: ts}
	}
	return ts
}

// unify merges element types: identical, or arithmetic promoted.
func unify(a, b types.Type) types.Type {
	if a == nil {
		return b
	}
	if types.Identical(a, b) {
		return a
	}
	if types.IsArith(a.Kind()) && types.IsArith(b.Kind()) {
		return types.ArithType(types.MaxArith(a.Kind(), b.Kind()))
	}
	return nil
}

func unifyList(a, b []types.Type) []types.Type {
	if len(a) != len(b) {
		return nil
	}
	out := make([]types.Type, len(a))
	for i := range a {
		if out[i] = unify(a[i], b[i]); out[i] == nil {
			return nil
		}
	}
	return out
}

// brace checks { ... } set/table initializers.
func (c *Checker) brace(e *ast.BraceExpr, want types.Type) types.Type {
	switch want.(type) {
	case *types.VectorType, *types.TableType:
		return c.containerCons(e, e.Elems, want)
	}
	kind := ast.SetCons
	if len(e.Elems) > 0 {
		if _, ok := e.Elems[0].(*ast.AssignExpr); ok {
			kind = ast.TableCons
		}
	}
	return c.inferCons(e, kind, e.Elems, want)
}
