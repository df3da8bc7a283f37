package compile

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/runtime/value"
)

// Asynchronous script functions ("return when").
//
// A function whose body reaches "return when (cond) { ... return x; }"
// does not return x to its caller: it parks a trigger of its own and ends
// at once. Its caller must be a when condition (directly, or through
// script functions called from one). As in Zeek, the outer trigger keeps a
// cache keyed by call expression:
//
//   - the first evaluation of the call runs the function (once: statements
//     before the "return when" are not repeated) and abandons the outer
//     condition evaluation (asyncWait), which counts as "not yet" — even
//     when the inner trigger finished at once: Zeek's caller frame is then
//     "delayed", and the outer trigger is only looked at again at the next
//     trigger pass, so its body runs after the current handler;
//   - later evaluations of the same call return the cached result once the
//     inner trigger's body (or timeout body) has returned, and abandon the
//     evaluation again while it has not;
//   - when the inner trigger delivers its result, the outer trigger must
//     be looked at again (Zeek's
//     trigger_mgr->Queue(parent)). The engine re-evaluates parked triggers
//     after every event, so delivering queues an internal event that has
//     one empty handler (wake): nothing runs, but the trigger pass that
//     follows it evaluates the outer condition.

// asyncWait abandons a when condition evaluation until an asynchronous
// script function has its result.
type asyncWait struct{}

// triggerState is one when statement execution: its cache of async calls.
type triggerState struct {
	cache map[ast.Node]*asyncCall
}

// asyncCall is one call of an asynchronous function from a trigger.
type asyncCall struct {
	started bool // the function reached its "return when"
	done    bool // the result is in v
	v       value.Value
}

// asyncCallExpr compiles a direct call of a function with "return when".
func (c *compiler) asyncCallExpr(e *ast.CallExpr, fn *Function, args func(*Frame) []value.Value) expr {
	p := c.out
	return func(fr *Frame) value.Value {
		ts := p.curTrigger
		if ts == nil {
			fail(e, "function with \"return when\" called outside of a when condition")
		}
		if ac := ts.cache[e]; ac != nil {
			if ac.done {
				return ac.v
			}
			panic(asyncWait{})
		}
		ac := &asyncCall{}
		if ts.cache == nil {
			ts.cache = map[ast.Node]*asyncCall{}
		}
		ts.cache[e] = ac
		save := p.curCall
		p.curCall = ac
		v := invoke(fn, args(fr), e, fr)
		p.curCall = save
		if !ac.started {
			// Returned without reaching its "return when": a plain result.
			ac.done, ac.v = true, v
			return v
		}
		panic(asyncWait{})
	}
}

// deliver hands an async call its result and wakes the caller's trigger.
// As in Zeek (Trigger::Cache), a body that returns no value delivers
// nothing: the caller keeps waiting (until its own timeout).
func (c *compiler) deliver(ac *asyncCall, v value.Value) {
	if ac == nil || ac.done || v.IsUnset() {
		return
	}
	ac.done, ac.v = true, v
	c.rt.Queue(c.wakeFn(), nil)
}

// wakeFn is the internal event queued to make the engine re-evaluate
// parked triggers: one handler that does nothing.
func (c *compiler) wakeFn() *Function {
	if c.wake == nil {
		b := &Body{prog: c.out, Check: &check.Body{}, Run: func(*Frame) ctrl { return ctrlNext }}
		c.wake = &Function{Name: "<when wake-up>", Kind: ast.Event, Bodies: []*Body{b}}
	}
	return c.wake
}

// evalCond evaluates a when condition for the trigger state ts: async
// calls in it use (and fill) ts's cache, and one still waiting makes the
// condition "not yet".
func (c *compiler) evalCond(ts *triggerState, cond func(*Frame) bool, f *Frame) (ok bool) {
	p := c.out
	saveT, saveC := p.curTrigger, p.curCall
	p.curTrigger, p.curCall = ts, nil
	defer func() {
		p.curTrigger, p.curCall = saveT, saveC
		if r := recover(); r != nil {
			if _, w := r.(asyncWait); w {
				ok = false
				return
			}
			panic(r)
		}
	}()
	return cond(f)
}
