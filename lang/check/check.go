// Package check is the type checker: it resolves every name to a symbol
// (global slot or frame slot), merges redefs in load order, checks and
// annotates every expression with its type, and builds the Program the
// compiler runs. It is fed one top-level declaration at a time, because the
// loader must evaluate @if conditions against what was declared before.
package check

import (
	"fmt"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
	"github.com/gobro/gobro/lang/types"
)

// Options configures a Checker.
type Options struct {
	Diags *diag.List
	// Builtins are declared lazily: a BIF's Sig is parsed and resolved on
	// first use, so signatures may name types that scripts declare later.
	Builtins []builtins.Decl
	// ParseFuncType parses a BIF signature ("function(msg: string): bool").
	ParseFuncType func(name, sig string) (*ast.FuncType, error)
}

// Checker checks declarations in load order.
type Checker struct {
	// CallHook evaluates a call in an @if condition at load time (filled by
	// the interpreter). It reports false when it cannot.
	CallHook func(name string, args []any) (any, bool)

	opts   Options
	diags  *diag.List
	prog   *Program
	module string // current module; "GLOBAL" outside any
	export bool   // inside export { }
	bifs   map[string]*builtins.Decl

	fn *funcCtx // the body being checked, nil at top level

	// A "module" declaration lasts to the end of its file; a file loaded
	// in the middle of another starts in GLOBAL and, when it is done, the
	// loading file continues in its own module.
	file    string
	modules map[string]string // file → its current module
}

// New returns a Checker with an empty program.
func New(opts Options) *Checker {
	if opts.Diags == nil {
		opts.Diags = &diag.List{}
	}
	c := &Checker{
		opts:   opts,
		diags:  opts.Diags,
		module: globalModule,
		bifs:   map[string]*builtins.Decl{},
		prog: &Program{
			Scope:    map[string]*Symbol{},
			Types:    map[ast.Expr]types.Type{},
			Coerce:   map[ast.Expr]types.Type{},
			Uses:     map[*ast.Ident]*Symbol{},
			TypeOf:   map[ast.TypeExpr]types.Type{},
			Lambdas:  map[*ast.LambdaExpr]*Body{},
			Handlers: map[*ast.FuncDecl]*Body{},
		},
	}
	for i := range opts.Builtins {
		b := &opts.Builtins[i]
		c.bifs[b.Name] = b
	}
	c.prog.Top = &Body{Top: true}
	return c
}

// Program returns the checked program.
func (c *Checker) Program() *Program { return c.prog }

// Decl checks and commits one top-level declaration.
func (c *Checker) Decl(d ast.Decl) {
	if d == nil {
		return
	}
	c.enterFile(d.Pos().File)
	defer func() { c.fn = nil }()
	c.decl(d)
}

// enterFile switches the current module when declarations start coming
// from another file.
func (c *Checker) enterFile(file string) {
	if file == c.file || file == "" {
		return
	}
	if c.modules == nil {
		c.modules = map[string]string{}
	}
	c.modules[c.file] = c.module
	c.file = file
	if m, ok := c.modules[file]; ok {
		c.module = m
	} else {
		c.module = globalModule
	}
}

// Finish runs the end-of-load checks. Zeek reports a function declared
// but never defined only when it is called, so nothing is left to check
// here yet; the loader calls it so later checks have a place.
func (c *Checker) Finish() {}

// ---- diagnostics ----------------------------------------------------------

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
	s := ""
	if e != nil {
		s = ast.Format(e)
	}
	return c.report(diag.Error, n, s, format, args...)
}

// errorText reports an error with an explicit "(expr)" text.
func (c *Checker) errorText(n ast.Node, expr string, format string, args ...any) *diag.Diagnostic {
	return c.report(diag.Error, n, expr, format, args...)
}

func (c *Checker) warnf(n ast.Node, e ast.Expr, format string, args ...any) *diag.Diagnostic {
	s := ""
	if e != nil {
		s = ast.Format(e)
	}
	return c.report(diag.Warning, n, s, format, args...)
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
