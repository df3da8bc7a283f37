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
	vals := make([]value.Value, len(args))
	ts := make([]types.Type, len(args))
	for i, a := range args {
		if b, ok := a.P.(*value.Any); ok {
			vals[i], ts[i] = b.Value, b.Type
		} else {
			vals[i], ts[i] = a, types.AnyType
		}
	}
	return vals, ts
}

func init() {
	register(map[string]Impl{
		"fmt": func(ctx Context, args []value.Value) (value.Value, error) {
			if len(args) == 0 {
				return value.String(""), nil
			}
			vals, ts := unboxAll(args)
			if ts[0].Kind() != types.String {
				return value.String(""), errFmtFormat
			}
			s, err := value.Fmt(vals[0].Str(), vals[1:], ts[1:])
			return value.String(s), err
		},
		"cat": func(ctx Context, args []value.Value) (value.Value, error) {
			vals, ts := unboxAll(args)
			var b strings.Builder
			for i, v := range vals {
				b.WriteString(value.Render(v, ts[i], value.ModeRaw))
			}
			return value.String(b.String()), nil
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
