package check

import (
	"fmt"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
	"github.com/gobro/gobro/lang/types"
)

// report adds a diagnostic at n; expr is the trailing "(...)" text.
func (c *Checker) report(sev diag.Severity, n ast.Node, expr string, format string, args ...any) *diag.Diagnostic {
	d := &diag.Diagnostic{Severity: sev, Msg: fmt.Sprintf(format, args...), Expr: expr}
	if n != nil {
		d.Pos = n.Pos()
		// Zeek gives an expression its line range ("lines 13-14"); a
		// statement or declaration is reported at its first line.
		if _, isExpr := n.(ast.Expr); isExpr {
			d.End = n.EndPos()
		}
	}
	c.diags.Add(d)
	return d
}

// errorf reports an error at n, with e rendered as the trailing "(expr)".
func (c *Checker) errorf(n ast.Node, e ast.Expr, format string, args ...any) *diag.Diagnostic {
	return c.report(diag.Error, n, exprText(e), format, args...)
}

// errorText reports an error with an explicit "(expr)" text.
func (c *Checker) errorText(n ast.Node, expr string, format string, args ...any) *diag.Diagnostic {
	return c.report(diag.Error, n, expr, format, args...)
}

func (c *Checker) warnf(n ast.Node, e ast.Expr, format string, args ...any) *diag.Diagnostic {
	return c.report(diag.Warning, n, exprText(e), format, args...)
}

func exprText(e ast.Expr) string {
	if e == nil {
		return ""
	}
	return ast.Format(e)
}

// deprecation warns about the use of a deprecated name, as Zeek words it:
// "deprecated (NAME): MSG". The loader recognises these by their prefix
// to honour "@pragma push ignore-deprecations".
func (c *Checker) deprecation(n ast.Node, expr, name, msg string) {
	text := "deprecated (" + name + ")"
	if msg != "" {
		text += ": " + msg
	}
	c.report(diag.Warning, n, expr, "%s", text)
}

// typeFirst reports Zeek's "error in TYPE and FILE, line N" form, where a
// type (which has no location) is the first object of the message.
func (c *Checker) typeFirst(t types.Type, n ast.Node, expr string, msg string) {
	c.diags.Add(&diag.Diagnostic{
		Severity: diag.Error,
		Pos:      token.Pos{File: t.String()},
		Other:    location(n),
		Msg:      msg,
		Expr:     expr,
	})
}

// location renders Zeek's "FILE, line N" for a node.
func location(n ast.Node) string {
	d := diag.Diagnostic{Pos: n.Pos(), End: n.EndPos()}
	return d.Location()
}

// alreadyDefined is Zeek's "error in OLD and NEW: already defined (x)".
// A built-in has no position of its own: then only NEW is named.
func alreadyDefined(old token.Pos, n ast.Node, name string) *diag.Diagnostic {
	d := &diag.Diagnostic{Severity: diag.Error, Pos: old, Msg: "already defined", Expr: name}
	if !old.IsValid() {
		d.Pos, d.End = n.Pos(), n.EndPos()
		return d
	}
	d.Other = location(n)
	return d
}
