package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// asyncStoreQueries are the Broker store queries: inside a when condition
// they require a timeout block.
var asyncStoreQueries = map[string]bool{
	"Broker::get": true, "Broker::exists": true, "Broker::keys": true,
	"Broker::put_unique": true, "Broker::get_index_from_value": true,
	"Broker::pop": true, "Broker::__get": true, "Broker::__exists": true,
	"Broker::__keys": true, "Broker::__put_unique": true,
	"Broker::__get_index_from_value": true, "Broker::__pop": true,
}

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
		for _, a := range e.Args {
			c.expr(a, nil)
		}
		return ft
	}
	f, ok := ft.(*types.FuncType)
	if !ok {
		for _, a := range e.Args {
			c.expr(a, nil)
		}
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
	if id, ok := e.Fun.(*ast.Ident); ok && c.fn != nil && c.fn.whenCond {
		if s := c.prog.Uses[id]; s != nil && asyncStoreQueries[s.Name] {
			c.fn.asyncStore = true
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
	if n < f.MinArgs() {
		for _, a := range e.Args {
			c.expr(a, nil)
		}
		c.errorf(e, e, "argument type mismatch in %s", what)
		return
	}
	if n > len(f.Params) && !f.Variadic {
		for _, a := range e.Args {
			c.expr(a, nil)
		}
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
	what := "event invocation"
	if kind == ast.Hook {
		what = "hook invocation"
	}
	ft := c.expr(e.Fun, nil)
	c.prog.Types[e] = types.VoidType
	if types.IsError(ft) {
		for _, a := range e.Args {
			c.expr(a, nil)
		}
		return
	}
	f, ok := ft.(*types.FuncType)
	if !ok || f.Flavor != kind {
		for _, a := range e.Args {
			c.expr(a, nil)
		}
		c.errorf(e.Fun, e.Fun, "not a%s", map[ast.FuncKind]string{ast.Event: "n event", ast.Hook: " hook"}[kind])
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
	case *types.TableType:
		kind := ast.TableCons
		if tt.IsSet() {
			kind = ast.SetCons
		}
		return c.containerCons(e, kind, e.Args, tt)
	case *types.VectorType:
		return c.containerCons(e, ast.VectorCons, e.Args, tt)
	}
	for _, a := range e.Args {
		c.expr(a, nil)
	}
	c.errorf(e, e, "type %s has no constructor", t)
	return types.ErrorType
}
