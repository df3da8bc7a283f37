package engine

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// Builtin implements compile.Runtime: the built-ins that need the engine
// or the program rather than only their arguments.
func (e *Engine) Builtin(name string) builtins.Impl {
	switch name {
	case "gobro_bro_compat":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Bool(e.chk.BroCompat), nil
		}
	case "global_options":
		return func(ctx builtins.Context, _ []value.Value) (value.Value, error) {
			var names []string
			for _, s := range e.chk.Globals {
				if s.Kind == check.OptionVar {
					names = append(names, s.Name)
				}
			}
			sort.Strings(names)
			return builtins.StringSet(ctx, names), nil
		}
	case "zeek_is_terminating", "bro_is_terminating":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Bool(e.terminating), nil
		}
	case "find_in_zeekpath":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			if e.FindScript != nil {
				if p, ok := e.FindScript(a[0].Str()); ok {
					return value.String(p), nil
				}
			}
			return value.String(""), nil
		}
	case "exit":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			panic(exitRequest{int(a[0].Int())})
		}
	case "terminate":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			was := e.terminating
			e.terminating = true
			return value.Bool(!was), nil
		}
	case "is_event_handled":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			return value.Bool(e.handler(a[0].Str())), nil
		}
	case "reading_traces":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Bool(e.pkt != nil && !e.pkt.in.Source.Live()), nil
		}
	case "reading_live_traffic":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Bool(e.pkt != nil && e.pkt.in.Source.Live()), nil
		}
	case "is_remote_event":
		return func(builtins.Context, []value.Value) (value.Value, error) { return value.Bool(false), nil }
	case "print_raw":
		// Raw rendering (as fmt("%s") and cat), no separators, no newline.
		raw := &value.Printer{Mode: value.ModeRaw}
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			var b []byte
			for _, v := range a {
				b = raw.Append(b, v, types.AnyType)
			}
			e.stdout.Write(b)
			return value.Bool(true), nil
		}
	case "enable_event_group", "disable_event_group":
		disable := name == "disable_event_group"
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			g := a[0].Str()
			if _, ok := e.groups[g]; !ok {
				return value.Bool(false), nil
			}
			e.groups[g] = disable
			return value.Bool(true), nil
		}
	case "has_event_group":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			_, ok := e.groups[a[0].Str()]
			return value.Bool(ok), nil
		}
	case "get_max_recursion_depth":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Count(uint64(e.prog.MaxDepth)), nil
		}
	case "set_max_recursion_depth":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			old := e.prog.MaxDepth
			e.prog.MaxDepth = int(min(a[0].Count(), uint64(compile.HardDepth)))
			return value.Count(uint64(old)), nil
		}
	}
	for _, b := range []func(string) builtins.Impl{
		e.reporterBuiltin, e.logBuiltin, e.sortBuiltin, e.fileBuiltin, e.runtimeBuiltin, e.weirdBuiltin, e.moreBuiltin, e.connBuiltin, e.inputBuiltin, e.analyzerBuiltin, e.filesBuiltin, e.brokerBuiltin, e.websocketBuiltin, e.intelBuiltin,
	} {
		if f := b(name); f != nil {
			return f
		}
	}
	if f := e.optionBuiltin(name); f != nil {
		return f
	}
	return e.asyncBuiltin(name)
}

func newSet(t types.Type) *value.Table {
	tt, _ := t.(*types.TableType)
	if tt == nil {
		tt = types.NewSet(types.AddrType)
	}
	return value.NewTable(tt)
}

// optionHandler is a change handler registered with
// Option::set_change_handler.
type optionHandler struct {
	fn       *value.Func
	priority int64
	seq      int
}

func (e *Engine) optionBuiltin(name string) builtins.Impl {
	switch name {
	case "Option::set_change_handler":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			id := unbox(a[0]).Str()
			fn, ok := unbox(a[1]).P.(*value.Func)
			s := e.chk.Lookup(id)
			if !ok || s == nil || s.Kind != check.OptionVar {
				return value.Bool(false), nil
			}
			if e.optHandlers == nil {
				e.optHandlers = map[string][]optionHandler{}
			}
			hs := append(e.optHandlers[id], optionHandler{fn, a[2].Int(), len(e.optHandlers[id])})
			// Higher priority first; ties in registration order.
			sort.SliceStable(hs, func(i, j int) bool { return hs[i].priority > hs[j].priority })
			e.optHandlers[id] = hs
			return value.Bool(true), nil
		}
	case "Option::set":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			id := unbox(a[0]).Str()
			s := e.chk.Lookup(id)
			if s == nil || s.Kind != check.OptionVar {
				return value.Bool(false), nil
			}
			v := unbox(a[1])
			for _, h := range e.optHandlers[id] {
				// A handler's value parameter may be the option's own
				// type or any (the config framework's); box it for any,
				// and unbox what comes back.
				arg := v
				if ps := h.fn.Type.Params; len(ps) > 1 && ps[1].Type.Kind() == types.Any {
					arg = value.Box(v, s.Type)
				}
				args := []value.Value{value.String(id), arg}
				if len(h.fn.Type.Params) > 2 {
					args = append(args, a[2])
				}
				v = unbox(compile.Call(h.fn, args, nil))
			}
			e.prog.Globals[s.Slot] = v
			return value.Bool(true), nil
		}
	}
	return nil
}

// unbox takes a value out of an any box.
func unbox(v value.Value) value.Value {
	if a, ok := v.P.(*value.Any); ok {
		return a.Value
	}
	return v
}

// exitRequest unwinds the whole run for exit(code): Zeek exits at once,
// without zeek_done.
type exitRequest struct{ code int }

// reporterBuiltin implements Reporter::info/warning/error/fatal: the
// message is located at the call, as Zeek's BIFs push the call location
// before reporting.
func (e *Engine) reporterBuiltin(name string) builtins.Impl {
	switch name {
	case "Reporter::info", "Reporter::warning", "Reporter::error":
		level := strings.TrimPrefix(name, "Reporter::")
		return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
			ctx.Report(level, a[0].Str())
			return value.Bool(true), nil
		}
	case "Reporter::fatal", "Reporter::fatal_error_with_core":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			loc := compile.Location(e.prog.Site)
			if loc != "" {
				fmt.Fprintf(e.stderr, "fatal error in %s: %s\n", loc, a[0].Str())
			} else {
				fmt.Fprintf(e.stderr, "fatal error: %s\n", a[0].Str())
			}
			panic(exitRequest{1})
		}
	}
	return nil
}
