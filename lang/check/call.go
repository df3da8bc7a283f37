package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// call checks f(args): a function call, or a typed constructor when f
// names a type (R($a=1), addr_set(...)).
func (c *Checker) call(e *ast.CallExpr, want types.Type) types.Type {
	if id, ok := e.Fun.(*ast.Ident); ok {
		if s := c.lookupNoError(id); s != nil && s.Kind == TypeSym {
			c.prog.Uses[id] = s
			s.Referenced = true
			return c.typedConstructor(e, s.Type)
		}
	}
	ft := c.expr(e.Fun, nil)
	if types.IsError(ft) {
		c.exprs(e.Args)
		return ft
	}
	f, ok := ft.(*types.FuncType)
	if !ok {
		c.exprs(e.Args)
		c.errorf(e.Fun, e.Fun, "not a function")
		return types.ErrorType
	}
	switch f.Flavor {
	case ast.Event:
		c.errorf(e, e, "event called in expression, use event statement instead")
		return types.VoidType
	case ast.Hook:
		c.errorf(e.Fun, e.Fun, "hook cannot be called directly, use hook operator")
		return types.BoolType
	}
	c.args(e, f, "function call")
	if id, ok := e.Fun.(*ast.Ident); ok {
		if s := c.prog.Uses[id]; s != nil && s.Func != nil {
			c.noteAsync(e, s.Func)
		}
	}
	return f.Result
}

// lookupNoError resolves a name without reporting anything.
func (c *Checker) lookupNoError(id *ast.Ident) *Symbol {
	n := len(c.diags.Items)
	s := c.lookup(id)
	c.diags.Items = c.diags.Items[:n]
	return s
}

// args checks call arguments against a function type: count (trailing
// defaults, variadic BIFs) and types; what names the context in Zeek's
// "argument type mismatch in ...".
func (c *Checker) args(e *ast.CallExpr, f *types.FuncType, what string) {
	n := len(e.Args)
	if n < f.MinArgs() || n > len(f.Params) && !f.Variadic {
		c.exprs(e.Args)
		c.errorf(e, e, "argument type mismatch in %s", what)
		return
	}
	wants := make([]types.Type, 0, n)
	for i := 0; i < n && i < len(f.Params); i++ {
		wants = append(wants, f.Params[i].Type)
	}
	for i := len(wants); i < n; i++ {
		wants = append(wants, types.AnyType)
	}
	if !c.promoteList(e.Args, wants) {
		c.errorf(e, e, "argument type mismatch in %s", what)
	}
}

// invoke checks "event f(args)", "schedule ... { f(args) }" and
// "hook f(args)": the callee must be an event (or hook).
func (c *Checker) invoke(e *ast.CallExpr, kind ast.FuncKind) {
	what, callee := "event invocation", "an event"
	if kind == ast.Hook {
		what, callee = "hook invocation", "a hook"
	}
	ft := c.expr(e.Fun, nil)
	c.prog.Types[e] = types.VoidType
	if types.IsError(ft) {
		c.exprs(e.Args)
		return
	}
	f, ok := ft.(*types.FuncType)
	if !ok || f.Flavor != kind {
		c.exprs(e.Args)
		c.errorf(e.Fun, e.Fun, "not %s", callee)
		return
	}
	c.args(e, f, what)
	if kind == ast.Hook {
		c.prog.Types[e] = types.BoolType
	}
}

// typedConstructor checks T(args) where T names a record, set, table or
// vector type.
func (c *Checker) typedConstructor(e *ast.CallExpr, t types.Type) types.Type {
	switch tt := t.(type) {
	case *types.RecordType:
		c.recordFields(e, e.Args, tt, ast.Format(e))
		return tt
	case *types.TableType, *types.VectorType:
		return c.containerCons(e, e.Args, tt)
	}
	c.exprs(e.Args)
	c.errorf(e, e, "type %s has no constructor", t)
	return types.ErrorType
}
