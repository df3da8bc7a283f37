package engine

import (
	"weak"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// Table expiry (&create_expire, &read_expire, &write_expire, with
// &expire_func and &on_change).
//
// Design: as Zeek does, each expiring table has one periodic sweep timer
// on network time, every table_expire_interval (10 secs by default); the
// first sweep is due at once. A sweep removes the entries whose last
// access (creation, write or read, as the attribute says; kept per entry
// by value.Table) is more than the timeout ago. A periodic sweep rather
// than a timer per entry because that is what makes Zeek's results: an
// entry goes at the first sweep after it is due, not at the instant it
// is due, so scripts see the same expiry times (and the same &expire_func
// calls) as under Zeek; it also costs one timer per table instead of one
// per entry and no timer churn on &read_expire reads. Unlike Zeek a sweep
// walks the whole table at once (Zeek does table_incremental_step = 5000
// entries per step, table_expire_delay apart); only the timing of
// entries beyond the first 5000 differs, by 0.01 sec per step.
//
// The sweep timer holds the table weakly: a table nothing else refers to
// is collected and its sweeps stop. At shutdown table-expiry timers do
// nothing (Zeek's rule): see Run for how pending timers are drained.

// expiry is the engine's state for one expiring table (in
// TableAttrs.Engine).
type expiry struct {
	t       weak.Pointer[value.Table]
	timeout float64
}

// WatchTable implements compile.Runtime.
func (e *Engine) WatchTable(t *value.Table) {
	a := t.Attrs
	if a == nil || a.Engine != nil {
		return
	}
	// Zeek keeps one expiry attribute; when several are given the last
	// one it looks at wins: create, then write, then read.
	mode, timeout := value.AccessRead, a.ReadExpire
	if a.WriteExpire > 0 {
		mode, timeout = value.AccessWrite, a.WriteExpire
	}
	if a.CreateExpire > 0 {
		mode, timeout = value.AccessCreate, a.CreateExpire
	}
	if timeout <= 0 {
		return
	}
	x := &expiry{t: weak.Make(t), timeout: timeout}
	a.Engine = x
	if !t.Tracking() {
		t.TrackAccess(mode, &e.netTime)
	}
	e.addSweep(x, 0)
}

func (e *Engine) addSweep(x *expiry, after float64) {
	e.addRecurring(after, func() { e.sweep(x) })
}

// expireInterval is table_expire_interval (seconds).
func (e *Engine) expireInterval() float64 {
	if s := e.chk.Lookup("table_expire_interval"); s != nil && s.Slot >= 0 && s.Slot < len(e.prog.Globals) {
		if v := e.prog.Globals[s.Slot]; !v.IsUnset() {
			if d := v.Double(); d > 0 {
				return d
			}
		}
	}
	return 10
}

// sweep expires the due entries of one table and sets the next sweep;
// at shutdown it does nothing.
func (e *Engine) sweep(x *expiry) {
	t := x.t.Value()
	if e.terminating || t == nil || t.Attrs == nil || t.Attrs.Engine != x {
		return // shutdown, or the table is gone (or has new attributes)
	}
	now := e.netTime
	a := t.Attrs
	t.BeginIter()
	end := t.End()
	for pos := t.Next(-1, end); pos >= 0; pos = t.Next(pos, end) {
		if t.StampAt(pos)+x.timeout >= now {
			continue
		}
		key := t.KeyAt(pos, nil)
		if a.ExpireFunc != nil {
			secs := e.callExpireFunc(t, a.ExpireFunc, key)
			if t.Next(pos-1, pos+1) != pos {
				continue // the function deleted the entry
			}
			if secs > 0 {
				// Not now: due again secs from now.
				t.SetStampAt(pos, now-x.timeout+secs)
				continue
			}
		}
		old := t.ValAt(pos)
		t.Delete(key)
		if a.Mirror != nil {
			a.Mirror.Delete(t, key)
		}
		e.prog.TableChanged(t, compile.ChangeExpired, key, old)
	}
	t.EndIter()
	e.addSweep(x, e.expireInterval())
}

// callExpireFunc calls &expire_func with the table and the index (as
// separate arguments; a function(t, idx: any) gets a one-column index
// unwrapped, as in Zeek); an error counts as 0 secs.
func (e *Engine) callExpireFunc(t *value.Table, f *value.Func, key []value.Value) (secs float64) {
	args := append([]value.Value{{P: t}}, key...)
	if ps := f.Type.Params; len(ps) == 2 && ps[1].Type.Kind() == types.Any && len(key) == 1 {
		args = []value.Value{{P: t}, value.Box(key[0], t.Type.Index[0])}
	}
	e.prog.Protect(func() { secs = compile.Call(f, args, nil).Double() })
	return secs
}
