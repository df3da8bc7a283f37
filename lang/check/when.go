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

// whenStmt checks when [captures] (cond) body [timeout t body]. Locals
// used from outside are its captures; without a list (Bro style) they are
// captured implicitly, which is accepted.
func (c *Checker) whenStmt(s *ast.WhenStmt) {
	f := c.fn
	if s.IsReturn {
		if f.body.Top || f.flavor != ast.Function {
			c.errorText(s, "", "return when used outside of a function")
		} else if f.body.Func != nil {
			f.body.Func.Async = true
		}
	}
	saveBase, saveUses, saveCond, saveAsync := f.whenBase, f.whenUses, f.whenCond, f.asyncStore
	if f.whenDepth == 0 {
		f.whenBase = len(f.body.Locals)
	}
	f.whenDepth++
	f.whenUses = nil
	var caps []*Capture
	for _, cp := range s.Captures {
		outer := c.lookupLocal(cp.Name.Name, nil)
		if outer == nil {
			if g := c.lookupGlobal(cp.Name.Name, cp.Name); g != nil {
				c.prog.Uses[cp.Name] = g // a global needs no capture
			} else {
				c.errorText(cp, "", "no such local identifier: %s", cp.Name.Name)
			}
			continue
		}
		c.prog.Uses[cp.Name] = outer
		caps = append(caps, &Capture{Outer: outer, Copy: cp.Copy})
	}
	f.whenCond, f.asyncStore = true, false
	if s.Local != nil {
		t := c.expr(s.Cond, nil)
		c.prog.Uses[s.Local] = c.declareLocal(s.Local.Name, t, s.Local.Pos(), s.Local)
	} else {
		c.condition(s.Cond)
	}
	async := f.asyncStore
	f.whenCond = false
	c.stmt(s.Body)
	if s.Timeout != nil {
		// The timeout is evaluated when the when statement runs, so the
		// locals it reads need no capture.
		depth := f.whenDepth
		f.whenDepth = 0
		if t := c.expr(s.Timeout, types.IntervalType); !types.IsError(t) && t.Kind() != types.Interval {
			c.errorf(s.Timeout, s.Timeout, "timeout requires an interval")
		}
		f.whenDepth = depth
		c.stmt(s.TimeoutBody)
	} else if async {
		c.errorText(s, "", "asynchronous store queries in a when condition require a timeout")
	}
	if s.HasCaptures {
		listed := map[*Symbol]bool{}
		for _, cp := range caps {
			listed[cp.Outer] = true
		}
		for _, u := range f.whenUses {
			if !listed[u] && !c.whenLocal(s, u) {
				c.errorText(s, "", "%s is used inside when statement but not captured", u.Name)
			}
		}
	} else {
		for _, u := range f.whenUses {
			caps = append(caps, &Capture{Outer: u, Copy: true})
		}
	}
	if c.prog.Whens == nil {
		c.prog.Whens = map[*ast.WhenStmt][]*Capture{}
	}
	c.prog.Whens[s] = caps
	f.whenDepth--
	f.whenBase, f.whenUses, f.whenCond, f.asyncStore = saveBase, append(saveUses, f.whenUses...), saveCond, saveAsync
}

// whenLocal reports whether u is the when's own "local x = ..." binding.
func (c *Checker) whenLocal(s *ast.WhenStmt, u *Symbol) bool {
	return s.Local != nil && c.prog.Uses[s.Local] == u
}

// noteWhenUse records a use of an outer local inside a when statement.
func (c *Checker) noteWhenUse(s *Symbol) {
	f := c.fn
	if f == nil || f.whenDepth == 0 || s.Kind != LocalVar || s.Body != f.body || s.Slot >= f.whenBase {
		return
	}
	for _, u := range f.whenUses {
		if u == s {
			return
		}
	}
	f.whenUses = append(f.whenUses, s)
}

// syncCall is a call of a script function outside any when condition.
type syncCall struct {
	expr   *ast.CallExpr
	callee *Func
}

// noteAsync records what a direct call means for "when": a Broker store
// query in a when condition needs a timeout; a call elsewhere must not
// reach a function with "return when", which Finish checks once every
// body has been seen.
func (c *Checker) noteAsync(e *ast.CallExpr, callee *Func) {
	if c.fn != nil && c.fn.whenCond {
		if asyncStoreQueries[callee.Sym.Name] {
			c.fn.asyncStore = true
		}
		return
	}
	if !callee.Builtin {
		c.syncCalls = append(c.syncCalls, syncCall{e, callee})
	}
}
