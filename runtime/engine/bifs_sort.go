package engine

import (
	"slices"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/compile"
	"github.com/gobro/gobro/runtime/value"
)

// sort and order with a comparison function: calling a script function
// needs the program, so the engine provides these; without a function the
// call goes to the plain built-in (builtins.Impls).

type bifError string

func (e bifError) Error() string { return string(e) }

// builtinError reports a built-in's complaint located at its call, as a
// returned error is ("error in F, line N: MSG (CALL)"), for a built-in
// that goes on to return a value of its own (Zeek's emit_builtin_error
// does not unwind; compile turns a returned error into the zero value).
func (e *Engine) builtinError(msg string) {
	site := e.prog.Site
	text := ""
	if x, ok := site.(ast.Expr); ok {
		text = ast.Format(x)
	}
	e.Report(&compile.Error{Node: site, Msg: msg, Expr: text, Kind: "error"})
}

// sortBuiltin returns sort or order; nil for other names.
func (e *Engine) sortBuiltin(name string) builtins.Impl {
	if name != "sort" && name != "order" {
		return nil
	}
	plain := builtins.Impls[name]
	return func(ctx builtins.Context, a []value.Value) (value.Value, error) {
		if plain == nil {
			return value.None, bifError(name + "() is not implemented")
		}
		vec, et := builtins.VectorArg(a[0])
		bad := func(msg string) (value.Value, error) {
			e.builtinError(msg)
			if name == "sort" {
				return a[0], nil
			}
			return emptyIndexVec(ctx), nil
		}
		switch {
		case vec == nil:
			return bad(name + "() requires vector")
		case len(a) > 2:
			return bad(name + "() called with extraneous argument")
		}
		if len(a) != 2 {
			// The plain built-in sorts numbers; on its complaint sort
			// still returns its argument and order an empty index_vec,
			// as in Zeek.
			v, err := plain(ctx, a)
			if err != nil {
				return bad(err.Error())
			}
			return v, nil
		}
		// On a bad comparison function, sort reports an error and
		// returns its argument, as Zeek does; order returns an empty
		// index_vec (Zeek returns v itself, mistyped).
		fv, ok := unbox(a[1]).P.(*value.Func)
		if !ok || fv == nil {
			return bad("second argument to " + name + "() needs to be comparison function")
		}
		ft := fv.Type
		if ft == nil || ft.Result == nil || ft.Result.Kind() != types.Int || len(ft.Params) != 2 ||
			!types.Identical(ft.Params[0].Type, et) || !types.Identical(ft.Params[1].Type, et) {
			return bad("invalid comparison function in call to " + name + "()")
		}
		site := e.prog.Site
		// Holes sort last and never reach the function; the sort is
		// stable, so equal elements keep their order (Zeek's std::sort
		// leaves that unspecified).
		cmp := func(x, y value.Value) int {
			switch ux, uy := x.IsUnset(), y.IsUnset(); {
			case ux && uy:
				return 0
			case ux:
				return 1
			case uy:
				return -1
			}
			r := compile.Call(fv, []value.Value{x, y}, site)
			if r.IsUnset() {
				return 0
			}
			switch n := r.Int(); {
			case n < 0:
				return -1
			case n > 0:
				return 1
			}
			return 0
		}
		if name == "sort" {
			slices.SortStableFunc(vec.Elems, cmp)
			return a[0], nil
		}
		idx := make([]int, len(vec.Elems))
		for i := range idx {
			idx[i] = i
		}
		elems := vec.Elems
		slices.SortStableFunc(idx, func(i, j int) int { return cmp(elems[i], elems[j]) })
		out := emptyIndexVec(ctx)
		ov := out.P.(*value.Vector)
		for _, i := range idx {
			ov.Elems = append(ov.Elems, value.Count(uint64(i)))
		}
		return out, nil
	}
}

// emptyIndexVec makes an empty index_vec.
func emptyIndexVec(ctx builtins.Context) value.Value {
	vt, _ := ctx.Type("index_vec").(*types.VectorType)
	if vt == nil {
		vt = &types.VectorType{Elem: types.CountType}
	}
	return value.Value{P: &value.Vector{Type: vt}}
}
