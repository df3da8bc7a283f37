package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

func (c *Checker) block(b *ast.BlockStmt) {
	for _, s := range b.Stmts {
		c.stmt(s)
	}
}

func (c *Checker) stmt(s ast.Stmt) {
	switch s := s.(type) {
	case nil, *ast.EmptyStmt:
	case *ast.BlockStmt:
		c.block(s)
	case *ast.ExprStmt:
		c.expr(s.X, nil)
		if ignoredValue(s.X) {
			c.warnf(s, s.X, "expression value ignored")
		}
	case *ast.PrintStmt:
		for _, a := range s.Args {
			c.expr(a, nil)
		}
	case *ast.IfStmt:
		c.condition(s.Cond)
		c.stmt(s.Then)
		c.stmt(s.Else)
	case *ast.WhileStmt:
		if t := c.expr(s.Cond, types.BoolType); !types.IsError(t) && t.Kind() != types.Bool {
			c.errorf(s.Cond, s.Cond, "while conditional must be boolean")
		}
		c.fn.loops++
		c.stmt(s.Body)
		c.fn.loops--
	case *ast.ForStmt:
		c.forStmt(s)
	case *ast.SwitchStmt:
		c.switchStmt(s)
	case *ast.AddStmt:
		c.addDelete(s, s.X, true)
	case *ast.DeleteStmt:
		c.addDelete(s, s.X, false)
	case *ast.EventStmt:
		c.invoke(s.Call, ast.Event)
	case *ast.ReturnStmt:
		c.returnStmt(s)
	case *ast.BreakStmt:
		if c.fn.loops == 0 && c.fn.swtch == 0 && c.fn.flavor != ast.Hook {
			c.errorText(s, "", "break statement used outside of for, while or switch statement and not within a hook")
		}
	case *ast.NextStmt:
		if c.fn.loops == 0 {
			c.errorText(s, "", "next statement used outside of for or while statement")
		}
	case *ast.FallthroughStmt:
		if c.fn.swtch == 0 {
			c.errorText(s, "", "fallthrough statement used outside of switch statement")
		}
	case *ast.WhenStmt:
		c.whenStmt(s)
	case *ast.LocalStmt:
		c.localDecl(s.Decl)
	case *ast.AssertStmt:
		c.condition(s.Cond)
		if s.Msg != nil {
			if t := c.expr(s.Msg, types.StringType); !types.IsError(t) && t.Kind() != types.String {
				c.errorf(s.Msg, s.Msg, "message must be a string")
			}
		}
	default:
		c.errorText(s, "", "unsupported statement")
	}
}

// ignoredValue reports expressions whose value is their only effect.
func ignoredValue(e ast.Expr) bool {
	switch e.(type) {
	case *ast.CallExpr, *ast.AssignExpr, *ast.IncrExpr, *ast.HookExpr,
		*ast.ScheduleExpr, *ast.LambdaExpr:
		return false
	}
	return true
}

// condition checks the boolean test of if, while and assert.
func (c *Checker) condition(e ast.Expr) {
	t := c.expr(e, types.BoolType)
	if !types.IsError(t) && t.Kind() != types.Bool {
		c.errorf(e, e, "conditional in test must be boolean")
	}
}

// localDecl checks a local (or const local) declaration: its type is the
// declared one or inferred from the initializer.
func (c *Checker) localDecl(d *ast.VarDecl) {
	t := c.varType(d, attrLocal)
	s := c.declareLocal(d.Name, t, d.Pos(), d)
	s.Init, s.Attrs = d.Init, d.Attrs
	s.IsConst = d.Kind == ast.Const
	c.prog.Locals[d] = s
}

// varType works out the type of a variable declaration and checks its
// initializer and attributes (locals and globals alike).
func (c *Checker) varType(d *ast.VarDecl, ctx attrCtx) types.Type {
	var t types.Type
	if d.Type != nil {
		t = c.resolveType(d.Type)
	}
	if d.Init != nil {
		it := c.expr(d.Init, t)
		if t == nil {
			t = it
			if it.Kind() == types.Void {
				c.errorf(d.Init, d.Init, "value of void type used in initialization")
				t = types.ErrorType
			}
		} else if !c.checkAndPromote(d.Init, it, t) {
			c.assignClash(d, d.Name+" = "+ast.Format(d.Init), t, it)
		}
	} else if t == nil {
		c.errorText(d, d.Name, "no type given")
		t = types.ErrorType
	}
	c.checkAttrs(d.Attrs, ctx, t)
	return t
}

// loopVar binds a for-loop variable: an existing local of the same type,
// or a new local.
func (c *Checker) loopVar(id *ast.Ident, t types.Type) {
	if s := c.lookupLocal(id.Name, nil); s != nil {
		c.prog.Uses[id] = s
		if !types.IsError(s.Type) && !types.IsError(t) && !types.Identical(s.Type, t) &&
			!(types.IsIntegral(s.Type.Kind()) && types.IsIntegral(t.Kind())) {
			c.errorf(id, id, "type clash in iteration")
		}
		return
	}
	c.prog.Uses[id] = c.declareLocal(id.Name, t, id.Pos(), id)
}

func (c *Checker) forStmt(s *ast.ForStmt) {
	t := c.expr(s.X, nil)
	var keys []types.Type
	var val types.Type
	switch xt := t.(type) {
	case *types.TableType:
		keys = xt.Index
		val = xt.Yield
		if len(s.Keys) != len(keys) {
			c.errorText(s, "", "wrong index size for iteration")
			keys = nil
		}
		if s.Value != nil && xt.IsSet() {
			c.errorText(s, "", "value variable in iteration over a set")
		}
	case *types.VectorType:
		keys, val = []types.Type{types.CountType}, xt.Elem
	default:
		if t.Kind() == types.String {
			keys, val = []types.Type{types.StringType}, nil
		} else if !types.IsError(t) {
			c.errorf(s.X, s.X, "target to iterate over must be a table, set, vector, or string")
		}
	}
	for i, k := range s.Keys {
		kt := types.Type(types.ErrorType)
		if i < len(keys) && len(keys) == len(s.Keys) {
			kt = keys[i]
		}
		c.loopVar(k, kt)
	}
	if s.Value != nil {
		if val == nil {
			val = types.ErrorType
		}
		c.loopVar(s.Value, val)
	}
	c.fn.loops++
	c.stmt(s.Body)
	c.fn.loops--
}

func (c *Checker) switchStmt(s *ast.SwitchStmt) {
	t := c.expr(s.X, nil)
	seen := map[any]bool{}
	hasDefault := false
	c.fn.swtch++
	for _, cs := range s.Cases {
		if cs.IsDefault {
			if hasDefault {
				c.errorText(cs, "", "multiple default labels")
			}
			hasDefault = true
		}
		for _, v := range cs.Values {
			vt := c.expr(v, t)
			if !types.IsError(t) && !types.IsError(vt) && !c.checkAndPromote(v, vt, t) {
				c.errorf(v, v, "case expression type differs from switch type")
				continue
			}
			if k, ok := c.constValue(v); ok {
				if seen[k] {
					c.errorf(v, v, "duplicate case label")
				}
				seen[k] = true
			}
		}
		for _, tc := range cs.Types {
			ct := c.resolveType(tc.Type)
			if !types.IsError(t) && t.Kind() != types.Any {
				c.errorText(tc, "", "cannot use type-based case labels when switching on a non-any type")
			}
			if tc.Name != nil {
				c.loopVar(tc.Name, ct)
			}
		}
		for _, st := range cs.Body {
			c.stmt(st)
		}
		// Zeek asks this of every block, the last and empty ones included;
		// "next" does not count, even inside a loop.
		if len(cs.Body) == 0 || !endsCase(cs.Body[len(cs.Body)-1]) {
			c.errorText(cs, "", "case block must end in break/fallthrough/return statement")
		}
	}
	c.fn.swtch--
}

// endsCase reports whether a case body's last statement leaves it.
func endsCase(s ast.Stmt) bool {
	switch s := s.(type) {
	case *ast.BreakStmt, *ast.FallthroughStmt, *ast.ReturnStmt:
		return true
	case *ast.BlockStmt:
		return len(s.Stmts) > 0 && endsCase(s.Stmts[len(s.Stmts)-1])
	}
	return false
}

// addDelete checks "add s[k]" (sets only) and "delete t[k]" / "delete r$f"
// (optional fields only).
func (c *Checker) addDelete(s ast.Stmt, x ast.Expr, add bool) {
	switch e := x.(type) {
	case *ast.IndexExpr:
		t := c.expr(e.X, nil)
		tt, ok := t.(*types.TableType)
		switch {
		case types.IsError(t):
			c.exprs(e.Index)
			return
		case ok && (tt.IsSet() || !add):
			c.prog.Types[e] = types.VoidType
			if len(e.Index) != len(tt.Index) {
				c.errorf(e, e, "wrong number of indices")
				return
			}
			c.promoteList(e.Index, tt.Index)
			return
		case !add && t.Kind() == types.Vector:
			c.index(e)
			return
		}
		c.exprs(e.Index)
	case *ast.FieldExpr:
		if !add {
			t := c.expr(e.X, nil)
			if r, ok := t.(*types.RecordType); ok {
				f := r.Field(e.Name)
				if f == nil {
					c.errorf(e, e, "no such field in record")
				} else if !f.Optional && f.Default == nil {
					c.errorf(e, e, "field is not &optional")
				}
				c.prog.Types[e] = types.VoidType
				return
			}
			if types.IsError(t) {
				return
			}
		}
	default:
		c.expr(x, nil)
	}
	if add {
		c.errorText(s, "", "illegal add statement")
	} else {
		c.errorText(s, "", "illegal delete statement")
	}
}

func (c *Checker) returnStmt(s *ast.ReturnStmt) {
	res := c.fn.result
	void := c.fn.body.Top || c.fn.flavor != ast.Function || res == nil || res.Kind() == types.Void
	if s.X == nil {
		if !void && !types.IsError(res) {
			c.errorText(s, "", "return statement needs expression")
		}
		return
	}
	if void {
		c.expr(s.X, nil)
		c.errorText(s, "", "return statement cannot have an expression")
		return
	}
	if _, ok := c.typed(s.X, res); !ok {
		c.errorf(s.X, s.X, "return type mismatch")
	}
}
