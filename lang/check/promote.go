package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// typed checks e where a value of type want is expected: constructors are
// typed by want; the result says whether e's type fits, after Zeek's
// promotions. It reports nothing about the fit itself.
func (c *Checker) typed(e ast.Expr, want types.Type) (types.Type, bool) {
	t := c.expr(e, want)
	return t, c.checkAndPromote(e, t, want)
}

// checkAndPromote decides whether a value of type t (the type of e) may be
// used as a want, without reporting: the caller knows the context. Needed
// conversions go to Program.Coerce.
func (c *Checker) checkAndPromote(e ast.Expr, t, want types.Type) bool {
	if want == nil || types.IsError(t) || types.IsError(want) {
		return true
	}
	if types.Promotable(t, want) {
		c.noteCoerce(e, t, want)
		return true
	}
	if c.constructorFits(e, want) {
		return true
	}
	if wk := want.Kind(); (wk == types.Time || wk == types.Interval) && types.IsArith(t.Kind()) && isLiteral(e) {
		// "local t: time = 0": a numeric constant as seconds.
		c.noteCoerce(e, t, want)
		return true
	}
	return false
}

// arithMixed is Zeek's "error in TYPE and LOC: arithmetic mixed with
// non-arithmetic (TYPE and E)", which precedes "type mismatch" for an
// element of an expression list.
func (c *Checker) arithMixed(e ast.Expr, t, want types.Type) {
	if want == nil || types.IsError(t) || types.IsError(want) {
		return
	}
	if types.IsArith(t.Kind()) != types.IsArith(want.Kind()) {
		c.typeFirst(want, e, want.String()+" and "+ast.Format(e), "arithmetic mixed with non-arithmetic")
	}
}

// constructorFits reports whether e was typed by context as want already
// (its own errors reported while checking it).
func (c *Checker) constructorFits(e ast.Expr, want types.Type) bool {
	switch e.(type) {
	case *ast.ConstructorExpr, *ast.BraceExpr, *ast.ListExpr:
		t := c.prog.Types[e]
		return t != nil && (types.IsError(t) || types.Identical(t, want))
	}
	return false
}

func (c *Checker) noteCoerce(e ast.Expr, from, to types.Type) {
	if from == nil || to == nil || types.IsError(from) || types.IsError(to) || to.Kind() == types.Any && from.Kind() == types.Any {
		return
	}
	if !types.Identical(from, to) {
		c.prog.Coerce[e] = to
	}
}

// mismatch is Zeek's "error in LOC and TYPE: type mismatch (E and TYPE)",
// reported for each element of an expression list that does not fit.
func (c *Checker) mismatch(e ast.Expr, want types.Type) {
	d := c.errorText(e, ast.Format(e)+" and "+want.String(), "type mismatch")
	d.Other = want.String()
}

// fitsList checks each expression against the wanted type without
// reporting mismatches; it reports whether all fit.
func (c *Checker) fitsList(es []ast.Expr, wants []types.Type) bool {
	ok := true
	for i, e := range es {
		if _, fits := c.typed(e, wants[i]); !fits {
			ok = false
		}
	}
	return ok
}

// promote checks e as an element of an expression list (arguments, index
// values, constructor elements) where want is expected, reporting Zeek's
// per-element messages when it does not fit. It reports whether it fits.
func (c *Checker) promote(e ast.Expr, want types.Type) bool {
	t, fits := c.typed(e, want)
	if !fits {
		c.arithMixed(e, t, want)
		c.mismatch(e, want)
	}
	return fits
}

// promoteList promotes each expression to the wanted type of its place.
// It reports whether all fit.
func (c *Checker) promoteList(es []ast.Expr, wants []types.Type) bool {
	ok := true
	for i, e := range es {
		ok = c.promote(e, wants[i]) && ok
	}
	return ok
}
