package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
)

func errorNoPos(msg string) *diag.Diagnostic {
	return &diag.Diagnostic{Severity: diag.Error, Msg: msg}
}

func errText(err error) string {
	if err == nil {
		return "no type"
	}
	return err.Error()
}

// alreadyDefined is Zeek's "error in OLD and NEW: already defined (x)".
func alreadyDefined(old token.Pos, n ast.Node, name string) *diag.Diagnostic {
	d := &diag.Diagnostic{Severity: diag.Error, Pos: old, Msg: "already defined", Expr: name}
	if !old.IsValid() {
		d.Pos, d.End = n.Pos(), n.EndPos()
		return d
	}
	d.Other = location(n)
	return d
}

// span is a node made of two positions, for messages about a part of a
// declaration that has no node of its own.
type span struct{ start, end token.Pos }

func (s span) Pos() token.Pos    { return s.start }
func (s span) EndPos() token.Pos { return s.end }
