package builtins

import (
	"fmt"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Helpers shared by the topic files.

// unbox returns the value inside an any box, or v itself.
func unbox(v value.Value) value.Value {
	if a, ok := v.P.(*value.Any); ok {
		return a.Value
	}
	return v
}

// bifError is the run-time error of a built-in: its message is reported as
// Zeek does, followed by the call.
func bifError(format string, a ...any) error { return fmt.Errorf(format, a...) }

// RuntimeError is a built-in's run-time error that ends the running
// handler, as Zeek's reporter->RuntimeError does (an interpreter
// exception): reported as "runtime error in LOCATION: MSG", at the call
// and without the call's text; the code after the call does not run.
// Other errors a built-in returns are reported and the handler goes on.
type RuntimeError struct{ Msg string }

func (e *RuntimeError) Error() string { return e.Msg }

// runtimeError is a RuntimeError with a formatted message.
func runtimeError(format string, a ...any) error {
	return &RuntimeError{Msg: fmt.Sprintf(format, a...)}
}

// ValueError is a built-in's complaint about one of its values, which
// Zeek names after the call: "bad conversion to integer (to_int(x, 10)
// and x)".
type ValueError struct {
	Msg  string
	Val  value.Value
	Type types.Type
}

func (e *ValueError) Error() string { return e.Msg }

// BadValue is the ValueError for value v of type t.
func BadValue(v value.Value, t types.Type, msg string) error {
	return &ValueError{Msg: msg, Val: v, Type: t}
}

// vectorType resolves a script-declared vector type (string_vec,
// index_vec...), falling back to vector of elem when the context does not
// know the name.
func vectorType(ctx Context, name string, elem types.Type) *types.VectorType {
	if ctx != nil {
		if vt, ok := ctx.Type(name).(*types.VectorType); ok && vt != nil {
			return vt
		}
	}
	return &types.VectorType{Name: name, Elem: elem}
}

// StringVec builds a string_vec from ss.
func StringVec(ctx Context, ss []string) value.Value {
	vec := &value.Vector{Type: vectorType(ctx, "string_vec", types.StringType), Elems: make([]value.Value, len(ss))}
	for i, s := range ss {
		vec.Elems[i] = value.String(s)
	}
	return value.Value{P: vec}
}

// indexVec builds an index_vec from cs.
func indexVec(ctx Context, cs []uint64) value.Value {
	vec := &value.Vector{Type: vectorType(ctx, "index_vec", types.CountType), Elems: make([]value.Value, len(cs))}
	for i, c := range cs {
		vec.Elems[i] = value.Count(c)
	}
	return value.Value{P: vec}
}

// vectorElems returns the elements of a vector argument (nil if v is not
// a vector).
func vectorElems(v value.Value) []value.Value {
	if vec, ok := unbox(v).P.(*value.Vector); ok && vec != nil {
		return vec.Elems
	}
	return nil
}
