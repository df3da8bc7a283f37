package engine

import (
	"net"
	"syscall"
	"time"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// Module event groups, lookup_hostname_txt, the get_*_stats records and
// Reporter::file_weird.

func (e *Engine) moreBuiltin(name string) builtins.Impl {
	switch name {
	case "enable_module_events", "disable_module_events":
		disable := name == "disable_module_events"
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			mod := a[0].Str()
			if !e.hasModuleHandlers(mod) {
				return value.Bool(false), nil
			}
			if e.disabledModules == nil {
				e.disabledModules = map[string]bool{}
			}
			e.disabledModules[mod] = disable
			return value.Bool(true), nil
		}
	case "has_module_events":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.hasModuleHandlers(a[0].Str())), nil
		}
	case "lookup_hostname_txt":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			host := a[0].Str()
			return e.async("lookup_hostname_txt|"+host, func() value.Value {
				if e.fakeDNS() {
					return value.String("fake_text_lookup_result_" + host)
				}
				txts, err := net.LookupTXT(host)
				if err != nil || len(txts) == 0 {
					return value.String("<???>")
				}
				return value.String(txts[0])
			}), nil
		}
	case "get_net_stats", "get_conn_stats", "get_proc_stats", "get_event_stats",
		"get_timer_stats", "get_reporter_stats", "get_reassembler_stats", "get_dns_stats",
		"get_file_analysis_stats", "get_thread_stats", "get_gap_stats", "get_matcher_stats",
		"get_broker_stats":
		return func(ctx builtins.Context, _ []value.Value) (value.Value, error) {
			return e.stats(ctx, name)
		}
	case "Reporter::file_weird":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			f, _ := a[1].P.(*value.Record)
			if w := e.weirdSettings(); sample(w, w.file, f, a[0].Str()) {
				e.raiseWeird("file_weird", a[0], a[1], a[2], a[3])
			}
			return value.Bool(true), nil
		}
	}
	return nil
}

// ---- module event groups ----
//
// A handler belongs to the module in effect where it is written (the
// checker records it), not to the module of the event's name:
// disable_module_events(M) skips all of M's handlers until
// enable_module_events(M). Handlers in GLOBAL belong to no module group.

// hasModuleHandlers tells whether some event or hook handler is written in
// module mod.
func (e *Engine) hasModuleHandlers(mod string) bool {
	if mod == "" || mod == "GLOBAL" {
		return false
	}
	for _, fn := range e.prog.Funcs {
		for _, b := range fn.Bodies {
			if b.Check.Module == mod && fn.Kind != ast.Function {
				return true
			}
		}
	}
	return false
}

// skipped tells whether a handler is switched off: its &group or its
// module is disabled.
func (e *Engine) skipped(b *compile.Body) bool {
	if g := b.Check.Group; g != "" && e.groups[g] {
		return true
	}
	return len(e.disabledModules) > 0 && e.disabledModules[b.Check.Module]
}

// ---- statistics ----

// processStart approximates the process start for ProcStats.
var processStart = time.Now()

// stats fills the record of a get_*_stats built-in. gobro reads no
// packets, so packet, connection, fragment, reassembly, gap, matcher,
// file-analysis, DNS, thread and Broker counters are 0; events and
// timers come from the engine; weirds are those counted for sampling
// (names on the sampling whitelist are not counted).
func (e *Engine) stats(ctx builtins.Context, name string) (value.Value, error) {
	tname := map[string]string{
		"get_net_stats": "NetStats", "get_conn_stats": "ConnStats", "get_proc_stats": "ProcStats",
		"get_event_stats": "EventStats", "get_timer_stats": "TimerStats", "get_reporter_stats": "ReporterStats",
		"get_reassembler_stats": "ReassemblerStats", "get_dns_stats": "DNSStats",
		"get_file_analysis_stats": "FileAnalysisStats", "get_thread_stats": "ThreadStats",
		"get_gap_stats": "GapStats", "get_matcher_stats": "MatcherStats", "get_broker_stats": "BrokerStats",
	}[name]
	rt, _ := ctx.Type(tname).(*types.RecordType)
	if rt == nil {
		return value.None, bifError(name + "(): type " + tname + " is not declared")
	}
	r := value.EmptyRecord(rt, value.AllFields)
	for i, f := range rt.Fields {
		switch {
		case f.Optional:
		case f.Type.Kind() == types.Table:
			tt, _ := f.Type.(*types.TableType)
			r.SetField(i, value.Value{P: value.NewTable(tt)})
		default:
			r.SetField(i, value.Value{}) // 0, 0.0, F
		}
	}
	set := func(field string, v value.Value) { setField(r, field, v) }
	switch name {
	case "get_event_stats":
		waiting := 0
		for i, c := range e.queue.chunks {
			waiting += len(c)
			if i == 0 {
				waiting -= e.queue.head
			}
		}
		set("queued", value.Count(uint64(e.queue.pushes)))
		set("dispatched", value.Count(uint64(max(e.queue.pushes-waiting, 0))))
	case "get_timer_stats":
		cur := 0
		for _, t := range e.timers {
			if !t.cancelled {
				cur++
			}
		}
		set("current", value.Count(uint64(cur)))
		set("max", value.Count(uint64(cur)))
		set("cumulative", value.Count(uint64(e.seq)))
	case "get_proc_stats":
		now := time.Now()
		set("start_time", value.Time(float64(processStart.UnixNano())/1e9))
		set("real_time", value.Interval(now.Sub(processStart).Seconds()))
		var ru syscall.Rusage
		if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
			tv := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
			set("user_time", value.Interval(tv(ru.Utime)))
			set("system_time", value.Interval(tv(ru.Stime)))
			set("mem", value.Count(uint64(ru.Maxrss)*1024))
			set("minflt", value.Count(uint64(ru.Minflt)))
			set("majflt", value.Count(uint64(ru.Majflt)))
			set("nswap", value.Count(uint64(ru.Nswap)))
			set("inblock", value.Count(uint64(ru.Inblock)))
			set("oublock", value.Count(uint64(ru.Oublock)))
			set("nivcsw", value.Count(uint64(ru.Nivcsw)))
		}
	case "get_reporter_stats":
		var byType map[string]uint64
		if e.weirds != nil {
			byType = e.weirds.total
		}
		var total uint64
		if f := rt.Field("weirds_by_type"); f != nil {
			tab, _ := r.Field(f.Offset).P.(*value.Table)
			for n, c := range byType {
				total += c
				if tab != nil {
					tab.Put1(value.String(n), value.Count(c))
				}
			}
		}
		set("weirds", value.Count(total))
	}
	return value.Value{P: r}, nil
}
