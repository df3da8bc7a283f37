package check_test

import (
	"testing"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/parser"
)

// FuzzFrontEnd runs lexer, parser and checker on arbitrary input: they may
// report anything but must never panic.
func FuzzFrontEnd(f *testing.F) {
	for _, s := range okScripts {
		f.Add(s)
	}
	for _, tc := range errorCases {
		f.Add(tc.src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		var diags diag.List
		decls := parser.ParseFile("F", []byte(src), &diags)
		c := check.New(check.Options{Diags: &diags, Builtins: builtins.Decls, ParseFuncType: parser.ParseFuncType})
		for _, d := range decls {
			c.Decl(d)
			// Exercise @if evaluation on every expression statement.
			if sd, ok := d.(*ast.StmtDecl); ok {
				if es, ok := sd.Stmt.(*ast.ExprStmt); ok {
					c.CondExpr(es.X)
				}
			}
		}
		c.Finish()
		for _, d := range diags.Items {
			_ = d.Header()
		}
	})
}
