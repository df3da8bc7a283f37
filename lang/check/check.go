// Package check is the type checker: it resolves every name to a symbol
// (global slot or frame slot), merges redefs in load order, checks and
// annotates every expression with its type, and builds the Program the
// compiler runs. It is fed one top-level declaration at a time, because the
// loader must evaluate @if conditions against what was declared before.
package check

import (
	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
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
	redefs int // redefs checked so far (Redef.Ord)
	diags  *diag.List
	prog   *Program
	module string // current module; "GLOBAL" outside any
	export bool   // inside export { }
	bifs   map[string]*builtins.Decl

	fn *funcCtx // the body being checked, nil at top level

	// syncCalls are the calls of script functions made outside any when
	// condition, for Finish to check against "return when".
	syncCalls []syncCall

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
			Expand:   map[ast.Expr]types.Type{},
			Uses:     map[*ast.Ident]*Symbol{},
			TypeOf:   map[ast.TypeExpr]types.Type{},
			Lambdas:  map[*ast.LambdaExpr]*Body{},
			Handlers: map[*ast.FuncDecl]*Body{},
			Locals:   map[*ast.VarDecl]*Symbol{},
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

// Finish runs the checks that need the whole program: a call outside any
// when condition may precede the body that makes its callee asynchronous.
// (Zeek reports a function declared but never defined only when it is
// called, so that is not checked here.)
func (c *Checker) Finish() {
	for _, call := range c.syncCalls {
		if call.callee.Async {
			c.errorf(call.expr, call.expr, "function with \"return when\" called outside of a when condition")
		}
	}
	c.syncCalls = nil
}
