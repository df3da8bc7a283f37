package builtins

import (
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Impl implements one built-in. Arguments arrive converted to the
// parameter types of the BIF's signature (an `any` parameter receives a
// value.Any box, variadic extras arrive boxed too); defaults are already
// filled in. A returned error is a run-time error of the call: the runtime
// reports it as Zeek does ("error in FILE, line N: MSG (CALL)") and the
// call yields the zero value of its result type; the handler goes on —
// except for a *RuntimeError, which ends the handler as Zeek's run-time
// errors do ("runtime error in FILE, line N: MSG").
type Impl func(ctx Context, args []value.Value) (value.Value, error)

// Context is what a built-in may ask of the runtime; the engine implements
// it. Kept small on purpose: built-ins reach the engine only through it.
type Context interface {
	// NetworkTime is the current network time in seconds.
	NetworkTime() float64
	// Types resolves a declared type by its full name (e.g. "string_vec"),
	// for built-ins that build values of script-declared types.
	Type(name string) types.Type
	// Reporter receives messages of Reporter::info/warning/error.
	Report(level, msg string)
	// Local returns this run's state for key, made by init on first use:
	// built-ins that keep state (log streams...) keep it per run, never in
	// package variables.
	Local(key any, init func() any) any
}

// Impls maps a fully qualified BIF name to its implementation. Files of
// this package register theirs in init functions, by topic.
var Impls = map[string]Impl{}

// register adds implementations; a name must be declared in Decls.
func register(m map[string]Impl) {
	for name, f := range m {
		Impls[name] = f
	}
}
