package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// body checks one body: params become the first frame slots, then the
// statements are checked in a fresh context.
func (c *Checker) body(b *Body, ft *types.FuncType, params []*ast.Param, block *ast.BlockStmt, lambda *lambdaCaps) {
	parent := c.fn
	ctx := &funcCtx{
		body:   b,
		locals: map[string]*Symbol{},
		flavor: ft.Flavor,
		result: ft.Result,
		parent: parent,
		lambda: lambda,
	}
	c.fn = ctx
	if lambda != nil && parent != nil {
		c.captures(b, lambda, parent)
	}
	for i, p := range params {
		t := types.Type(types.ErrorType)
		if i < len(ft.Params) {
			t = ft.Params[i].Type
		}
		s := c.declareLocal(p.Name, t, p.Pos(), p)
		b.Params = append(b.Params, s)
	}
	if block != nil {
		c.block(block)
	}
	c.fn = parent
	c.prog.Bodies = append(c.prog.Bodies, b)
}

// captures declares the listed captures of a lambda in its frame.
func (c *Checker) captures(b *Body, lambda *lambdaCaps, parent *funcCtx) {
	for _, cp := range lambda.list {
		save := c.fn
		c.fn = parent
		outer := c.lookupLocal(cp.Name.Name, nil)
		c.fn = save
		if outer == nil {
			c.errorText(cp, "", "no such local identifier: %s", cp.Name.Name)
			continue
		}
		c.prog.Uses[cp.Name] = outer
		inner := c.declareLocal(cp.Name.Name, outer.Type, cp.Pos(), cp)
		b.Captures = append(b.Captures, &Capture{Outer: outer, Inner: inner, Copy: cp.Copy})
	}
}

// lambda checks an anonymous function; its type is its signature. The
// "$f(params) = { body }" field shorthand may leave the result out: it is
// then the result of the function type the context wants (a record
// field's type), or any without one.
func (c *Checker) lambda(e *ast.LambdaExpr, want types.Type) types.Type {
	ft := c.resolveSig(e.Kind, e.Params, e.Result, e)
	if e.InferResult && e.Result == nil {
		inferred := *ft
		inferred.Result = types.AnyType
		if w, ok := want.(*types.FuncType); ok {
			inferred.Result = w.Result
		}
		ft = &inferred
	}
	b := &Body{Lambda: e, Proto: ft}
	if c.fn != nil {
		b.Parent = c.fn.body
	}
	c.prog.Lambdas[e] = b
	// The body gets a context of its own, so break and next inside it do
	// not see the loops around the lambda.
	c.body(b, ft, e.Params, e.Body, &lambdaCaps{explicit: e.HasCaptures, list: e.Captures})
	return ft
}
