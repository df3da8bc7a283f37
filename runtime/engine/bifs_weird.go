package engine

import (
	"net/netip"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/runtime/value"
)

// Reporter::conn_weird, net_weird and flow_weird, and the weird sampling
// settings.
//
// As Zeek's reporter does, a weird raises the conn_weird, net_weird or
// flow_weird event (when handled) with the name, the connection or
// endpoints, addl and source, after sampling: the first `threshold`
// weirds of a name (per connection, per endpoint pair, or overall for
// net weirds and names on the global list) are reported, then one in
// `rate`; names on the whitelist always are. Nothing goes to stderr. The
// weird framework (weird.log) builds on these events.
//
// Gaps: Zeek forgets the counts after `duration` (a timer per name, pair
// or connection); here they last the whole run, except a connection's,
// dropped with the connection. Per-connection and per-file counts are kept
// by record.

type weirdState struct {
	whitelist, global map[string]bool
	threshold, rate   uint64
	duration          float64

	total      map[string]uint64 // every weird raised, by name (get_reporter_stats)
	net        map[string]uint64
	flow       map[[2]netip.Addr]map[string]uint64
	conn, file map[*value.Record]map[string]uint64
}

// weirdSettings returns the sampling state, made from the Weird::
// options on first use.
func (e *Engine) weirdSettings() *weirdState {
	if e.weirds != nil {
		return e.weirds
	}
	w := &weirdState{threshold: 1000, rate: 1000, duration: 600,
		total: map[string]uint64{}, net: map[string]uint64{}, flow: map[[2]netip.Addr]map[string]uint64{},
		conn: map[*value.Record]map[string]uint64{}, file: map[*value.Record]map[string]uint64{}}
	if v, ok := e.globalByName("Weird::sampling_whitelist"); ok {
		w.whitelist = stringsOf(v)
	}
	if v, ok := e.globalByName("Weird::sampling_global_list"); ok {
		w.global = stringsOf(v)
	}
	if v, ok := e.globalByName("Weird::sampling_threshold"); ok {
		w.threshold = v.Count()
	}
	if v, ok := e.globalByName("Weird::sampling_rate"); ok {
		w.rate = v.Count()
	}
	if v, ok := e.globalByName("Weird::sampling_duration"); ok {
		w.duration = v.Double()
	}
	e.weirds = w
	return w
}

func (e *Engine) globalByName(name string) (value.Value, bool) {
	s := e.chk.Lookup(name)
	if s == nil {
		return value.None, false
	}
	return e.globalValue(s)
}

func stringsOf(v value.Value) map[string]bool {
	m := map[string]bool{}
	if t, ok := v.P.(*value.Table); ok && t != nil {
		for it := t.Iter(); it.Next(); {
			m[it.Key1().Str()] = true
		}
	}
	return m
}

// permit counts one more weird of a name in counts and tells whether it
// is reported.
func (w *weirdState) permit(counts map[string]uint64, name string) bool {
	counts[name]++
	n := counts[name]
	if n <= w.threshold {
		return true
	}
	if w.rate == 0 {
		return false
	}
	return (n-w.threshold)%w.rate == 0
}

// checkLists applies the whitelist and the global list: allow, deny, or
// (decided=false) up to the per-connection or per-flow count.
func (w *weirdState) checkLists(name string) (allow, decided bool) {
	if w.whitelist[name] {
		return true, true
	}
	if w.global[name] {
		return w.permit(w.net, name), true
	}
	return false, false
}

func (e *Engine) weirdBuiltin(name string) builtins.Impl {
	switch name {
	case "Reporter::net_weird":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.netWeird(a[0].Str(), a[1].Str(), a[2].Str())
			return value.Bool(true), nil
		}
	case "Reporter::flow_weird":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.flowWeird(a[0].Str(), a[1].Addr(), a[2].Addr(), a[3].Str(), a[4].Str())
			return value.Bool(true), nil
		}
	case "Reporter::conn_weird":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			c, _ := a[1].P.(*value.Record)
			e.connWeird(a[0].Str(), c, a[2].Str(), a[3].Str())
			return value.Bool(true), nil
		}
	case "Reporter::get_weird_sampling_whitelist", "Reporter::get_weird_sampling_global_list":
		return func(ctx builtins.Context, _ []value.Value) (value.Value, error) {
			w := e.weirdSettings()
			m := w.whitelist
			if name == "Reporter::get_weird_sampling_global_list" {
				m = w.global
			}
			var names []string
			for n := range m {
				names = append(names, n)
			}
			return builtins.StringSet(ctx, names), nil
		}
	case "Reporter::set_weird_sampling_whitelist", "Reporter::set_weird_sampling_global_list":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			w := e.weirdSettings()
			if name == "Reporter::set_weird_sampling_global_list" {
				w.global = stringsOf(a[0])
			} else {
				w.whitelist = stringsOf(a[0])
			}
			return value.Bool(true), nil
		}
	case "Reporter::get_weird_sampling_threshold":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Count(e.weirdSettings().threshold), nil
		}
	case "Reporter::set_weird_sampling_threshold":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.weirdSettings().threshold = a[0].Count()
			return value.Bool(true), nil
		}
	case "Reporter::get_weird_sampling_rate":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Count(e.weirdSettings().rate), nil
		}
	case "Reporter::set_weird_sampling_rate":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.weirdSettings().rate = a[0].Count()
			return value.Bool(true), nil
		}
	case "Reporter::get_weird_sampling_duration":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Interval(e.weirdSettings().duration), nil
		}
	case "Reporter::set_weird_sampling_duration":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			e.weirdSettings().duration = a[0].Double()
			return value.Bool(true), nil
		}
	}
	return nil
}

// raiseWeird queues a weird event with its canonical arguments when it is
// declared and handled.
// netWeird reports a weird not tied to a flow (net_weird), after
// sampling.
func (e *Engine) netWeird(name, addl, source string) {
	w := e.weirdSettings()
	w.total[name]++
	if !w.whitelist[name] && !w.permit(w.net, name) {
		return
	}
	e.raiseWeird("net_weird", value.String(name), value.String(addl), value.String(source))
}

// flowWeird reports a weird between two addresses (flow_weird), sampled
// per address pair.
func (e *Engine) flowWeird(name string, src, dst netip.Addr, addl, source string) {
	if w := e.weirdSettings(); sample(w, w.flow, [2]netip.Addr{src, dst}, name) {
		e.raiseWeird("flow_weird", value.String(name), value.Addr(src), value.Addr(dst), value.String(addl), value.String(source))
	}
}

// connWeird reports a weird of a connection (conn_weird), sampled per
// connection.
func (e *Engine) connWeird(name string, c *value.Record, addl, source string) {
	if w := e.weirdSettings(); sample(w, w.conn, c, name) {
		e.raiseWeird("conn_weird", value.String(name), value.Value{P: c}, value.String(addl), value.String(source))
	}
}

// sample counts a weird raised for key (a flow, a connection, a file) and
// tells whether it is reported: the whitelist and global list first, then
// the key's own counts.
func sample[K comparable](w *weirdState, per map[K]map[string]uint64, key K, name string) bool {
	w.total[name]++
	if allow, decided := w.checkLists(name); decided {
		return allow
	}
	m := per[key]
	if m == nil {
		m = map[string]uint64{}
		per[key] = m
	}
	return w.permit(m, name)
}

func (e *Engine) raiseWeird(event string, args ...value.Value) {
	fn := e.handlerFn(event)
	if fn == nil {
		return
	}
	if n := len(fn.Type.Params); n < len(args) {
		args = args[:n]
	}
	e.Queue(fn, args)
}
