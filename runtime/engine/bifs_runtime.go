package engine

import (
	"sort"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Run-state and introspection built-ins: zeek_args, current_event_time,
// get_current_packet_ts, suspend_processing, continue_processing,
// is_processing_suspended, lookup_ID, global_ids.

func (e *Engine) runtimeBuiltin(name string) builtins.Impl {
	switch name {
	case "zeek_args":
		return func(ctx builtins.Context, _ []value.Value) (value.Value, error) {
			vt, _ := ctx.Type("string_vec").(*types.VectorType)
			if vt == nil {
				vt = &types.VectorType{Elem: types.StringType}
			}
			vec := &value.Vector{Type: vt}
			for _, a := range e.Args {
				vec.Elems = append(vec.Elems, value.String(a))
			}
			return value.Value{P: vec}, nil
		}
	case "current_event_time":
		// Events are stamped with network time when queued (a scheduled
		// event when its timer fires, i.e. its due time); outside any
		// event this is the stamp of the last one, 0 before the first.
		e.queue.clock = &e.netTime
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Time(e.queue.current), nil
		}
	case "get_current_packet_ts":
		// No packet has been read: Zeek returns 0 then.
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Time(0), nil
		}
	case "suspend_processing":
		// The depth is counted (is_processing_suspended); while it is
		// not zero the packet loop reads no packets (awaitResume).
		return func(ctx builtins.Context, _ []value.Value) (value.Value, error) {
			if e.suspended == 0 {
				e.reporter("info", "", "", "processing suspended")
			}
			e.suspended++
			return value.None, nil
		}
	case "continue_processing":
		return func(ctx builtins.Context, _ []value.Value) (value.Value, error) {
			if e.suspended == 1 {
				e.reporter("info", "", "", "processing continued")
			}
			if e.suspended > 0 {
				e.suspended--
			}
			return value.None, nil
		}
	case "is_processing_suspended":
		return func(builtins.Context, []value.Value) (value.Value, error) {
			return value.Bool(e.suspended > 0), nil
		}
	case "lookup_ID":
		return func(_ builtins.Context, a []value.Value) (value.Value, error) {
			s := e.chk.Lookup(a[0].Str())
			if s == nil || s.Kind == check.LocalVar {
				return value.Box(value.String("<unknown id>"), types.StringType), nil
			}
			if s.Kind == check.EnumSym && s.Enum != nil {
				return value.Box(value.Enum(s.Enum.Value), s.Type), nil
			}
			v, ok := e.globalValue(s)
			if !ok {
				return value.Box(value.String("<no ID value>"), types.StringType), nil
			}
			return value.Box(v, s.Type), nil
		}
	case "global_ids":
		return e.globalIDs
	}
	return nil
}

// globalValue returns the current value of a global symbol, if it has
// one: variables once set, functions with a body, built-ins, events and
// hooks with a handler. Types and enum names have none.
func (e *Engine) globalValue(s *check.Symbol) (value.Value, bool) {
	switch s.Kind {
	case check.GlobalVar, check.ConstVar, check.OptionVar:
	case check.FuncSym:
		if s.Func == nil || !s.Func.Builtin && len(s.Func.Bodies) == 0 && !s.Func.Assigned {
			return value.None, false
		}
	default:
		return value.None, false
	}
	if s.Slot < 0 || s.Slot >= len(e.prog.Globals) {
		return value.None, false
	}
	v := e.prog.Globals[s.Slot]
	if v.IsUnset() {
		return value.None, false
	}
	return v, true
}

// globalIDs implements global_ids(): a script_id record for every global
// name (variables, constants, options, functions, events, hooks,
// built-ins, types, enum names), plus "module M" entries (type_name
// "module") for the modules that declare names. Fields script_id does not
// declare are left out.
func (e *Engine) globalIDs(ctx builtins.Context, _ []value.Value) (value.Value, error) {
	tt, _ := ctx.Type("id_table").(*types.TableType)
	var rt *types.RecordType
	if tt != nil {
		rt, _ = tt.Yield.(*types.RecordType)
	}
	if rt == nil {
		return value.None, bifError("global_ids(): type id_table is not declared")
	}
	out := value.NewTable(tt)
	mk := func() (*value.Record, func(string, value.Value)) {
		r := value.EmptyRecord(rt, value.AllFields)
		for i, f := range rt.Fields {
			if f.Type.Kind() == types.Bool {
				r.SetField(i, value.Bool(false)) // broker_backend &default=F
			}
		}
		return r, r.Set
	}
	names := make([]string, 0, len(e.chk.Scope))
	for n := range e.chk.Scope {
		names = append(names, n)
	}
	sort.Strings(names)
	modules := map[string]bool{}
	for _, n := range names {
		s := e.chk.Scope[n]
		if s == nil || s.Kind == check.LocalVar {
			continue
		}
		if s.Module != "" && s.Module != "GLOBAL" {
			modules[s.Module] = true
		}
		r, set := mk()
		if s.Type != nil {
			set("type_name", value.String(types.Describe(s.Type)))
		}
		set("exported", value.Bool(s.Exported))
		set("constant", value.Bool(s.Kind == check.ConstVar))
		set("enum_constant", value.Bool(s.Kind == check.EnumSym))
		set("option_value", value.Bool(s.Kind == check.OptionVar))
		// An option is implicitly &redef.
		set("redefinable", value.Bool(s.Redefine || s.Kind == check.OptionVar || hasAttr(s, "redef")))
		set("broker_backend", value.Bool(hasAttr(s, "backend")))
		if v, ok := e.globalValue(s); ok && s.Type != nil {
			set("value", value.Box(v, s.Type))
		}
		out.Put1(value.String(n), value.Value{P: r})
	}
	for m := range modules {
		r, set := mk()
		set("type_name", value.String("module"))
		out.Put1(value.String("module "+m), value.Value{P: r})
	}
	return value.Value{P: out}, nil
}

func hasAttr(s *check.Symbol, name string) bool {
	for _, a := range s.Attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}
