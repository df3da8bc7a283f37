package builtins

import (
	"strings"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// The formatting built-ins. Their variadic arguments arrive boxed as any,
// which is what gives each value its dynamic type for rendering.

// unboxAll splits boxed arguments into values and their dynamic types.
func unboxAll(args []value.Value) ([]value.Value, []types.Type) {
	return unboxInto(make([]value.Value, 0, len(args)), make([]types.Type, 0, len(args)), args)
}

// unboxInto is unboxAll appending to vals and ts, so that a caller with
// few arguments can pass stack arrays.
func unboxInto(vals []value.Value, ts []types.Type, args []value.Value) ([]value.Value, []types.Type) {
	for _, a := range args {
		v, t := unbox1(a)
		vals, ts = append(vals, v), append(ts, t)
	}
	return vals, ts
}

// ReadsAnyArgs reports whether built-in name only reads its any
// arguments during the call, keeping neither them nor their boxes, so
// that a call site may box them in storage it reuses
// (compile.builtinCall): fmt and cat build a connection's file handles
// and ids, and boxing each argument on the heap was a third of their
// cost.
func ReadsAnyArgs(name string) bool {
	switch name {
	case "fmt", "cat", "cat_sep":
		return true
	}
	return false
}

// unbox1 is an any argument's value and dynamic type.
func unbox1(a value.Value) (value.Value, types.Type) {
	if b, ok := a.P.(*value.Any); ok {
		return b.Value, b.Type
	}
	return a, types.AnyType
}

func init() {
	register(map[string]Impl{
		"fmt": func(ctx Context, args []value.Value) (value.Value, error) {
			if len(args) == 0 {
				return value.String(""), nil
			}
			var vb [8]value.Value
			var tb [8]types.Type
			vals, ts := unboxInto(vb[:0], tb[:0], args)
			if ts[0].Kind() != types.String {
				return value.String(""), errFmtFormat
			}
			s, err := value.Fmt(vals[0].Str(), vals[1:], ts[1:])
			return value.String(s), err
		},
		"cat": func(ctx Context, args []value.Value) (value.Value, error) {
			// One buffer for all arguments: cat builds file handles and
			// keys on the per-connection path.
			var buf [128]byte
			b := buf[:0]
			for _, a := range args {
				v, t := unbox1(a)
				var ok bool
				if b, ok = value.AppendScalar(b, v, t, value.ModeRaw); !ok {
					p := value.Printer{Mode: value.ModeRaw}
					b = append(b, p.Append(nil, v, t)...) // an aggregate
				}
			}
			return value.String(string(b)), nil
		},
		"cat_sep": func(ctx Context, args []value.Value) (value.Value, error) {
			// An empty string argument is replaced by the default.
			sep, def := args[0].Str(), args[1].Str()
			vals, ts := unboxAll(args[2:])
			parts := make([]string, len(vals))
			for i, v := range vals {
				parts[i] = value.Render(v, ts[i], value.ModeRaw)
				if ts[i].Kind() == types.String && parts[i] == "" {
					parts[i] = def
				}
			}
			return value.String(strings.Join(parts, sep)), nil
		},
		"type_name": func(ctx Context, args []value.Value) (value.Value, error) {
			_, ts := unboxAll(args)
			return value.String(types.Describe(ts[0])), nil
		},
	})
}

type fmtError string

func (e fmtError) Error() string { return string(e) }

const errFmtFormat = fmtError("format must be a string")
