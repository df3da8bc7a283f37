package builtins

import (
	"cmp"
	"math"
	"slices"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

// Container built-ins: tables, sets and vectors passed as `any`, so each
// arrives in a value.Any box that carries its dynamic type.

func init() {
	register(map[string]Impl{
		"clear_table":           bifClearTable,
		"table_keys":            bifTableKeys,
		"table_values":          bifTableValues,
		"sort":                  bifSort,
		"order":                 bifOrder,
		"resize":                bifResize,
		"any_set":               bifAnySet,
		"all_set":               bifAllSet,
		"matching_subnets":      bifMatchingSubnets,
		"check_subnet":          bifCheckSubnet,
		"filter_subnet_table":   bifFilterSubnetTable,
		"same_object":           bifSameObject,
		"enum_names":            bifEnumNames,
		"enum_to_int":           bifEnumToInt,
		"record_fields":         bifRecordFields,
		"record_type_to_vector": bifRecordTypeToVector,
	})
}

// boxed returns the value in an any box and its dynamic type (AnyType
// when v is not boxed).
func boxed(v value.Value) (value.Value, types.Type) {
	if a, ok := v.P.(*value.Any); ok && a != nil {
		return a.Value, a.Type
	}
	return v, types.AnyType
}

// argTable returns the table or set in an any argument, or nil.
func argTable(v value.Value) *value.Table {
	t, _ := unbox(v).P.(*value.Table)
	return t
}

// VectorArg returns the vector in an any argument and its element type
// (the engine's sort with a comparison function uses it too).
func VectorArg(v value.Value) (*value.Vector, types.Type) {
	inner, t := boxed(v)
	vec, _ := inner.P.(*value.Vector)
	if vec == nil {
		return nil, nil
	}
	if vec.Type != nil {
		return vec, vec.Type.Elem
	}
	if vt, ok := t.(*types.VectorType); ok {
		return vec, vt.Elem
	}
	return vec, types.AnyType
}

// clear_table removes every entry of a set or table.
func bifClearTable(_ Context, args []value.Value) (value.Value, error) {
	t := argTable(args[0])
	if t == nil {
		return value.None, bifError("clear_table() requires a table/set argument")
	}
	t.Clear()
	if t.Attrs != nil && t.Attrs.Mirror != nil {
		t.Attrs.Mirror.Clear(t)
	}
	return value.None, nil
}

// table_keys returns a new set of the table's index type holding its keys,
// in the table's iteration order.
func bifTableKeys(_ Context, args []value.Value) (value.Value, error) {
	t := argTable(args[0])
	if t == nil {
		return value.None, bifError("table_keys() requires a table argument")
	}
	st := types.NewSet(t.Type.Index...)
	out := value.NewTable(st)
	var key []value.Value
	for it := t.Iter(); it.Next(); {
		key = it.Key(key[:0])
		out.Add(key)
	}
	return value.Box(value.Value{P: out}, st), nil
}

// table_values returns a vector of the table's yield type holding its
// values, in the table's iteration order.
func bifTableValues(_ Context, args []value.Value) (value.Value, error) {
	t := argTable(args[0])
	if t == nil || t.IsSet() {
		return value.None, bifError("table_values() requires a table argument")
	}
	vt := &types.VectorType{Elem: t.Type.Yield}
	vec := &value.Vector{Type: vt, Elems: make([]value.Value, 0, t.Len())}
	for it := t.Iter(); it.Next(); {
		vec.Elems = append(vec.Elems, it.Val())
	}
	return value.Box(value.Value{P: vec}, vt), nil
}

// numericLess returns the ordering sort and order use without a
// comparison function: the numeric kinds, bool (F < T) and port
// (ordered by protocol, then number, as Zeek stores them); nil for the
// others. Holes sort last.
func numericLess(et types.Type) func(a, b value.Value) int {
	var c func(a, b value.Value) int
	switch et.Kind() {
	case types.Bool, types.Count, types.Port:
		c = func(a, b value.Value) int { return cmp.Compare(a.N, b.N) }
	case types.Int:
		c = func(a, b value.Value) int { return cmp.Compare(a.Int(), b.Int()) }
	case types.Double, types.Time, types.Interval:
		c = func(a, b value.Value) int { return cmp.Compare(a.Double(), b.Double()) }
	default:
		return nil
	}
	return func(a, b value.Value) int {
		switch ua, ub := a.IsUnset(), b.IsUnset(); {
		case ua && ub:
			return 0
		case ua:
			return 1
		case ub:
			return -1
		}
		return c(a, b)
	}
}

// errSortFunc is returned for the form with a comparison function: calling
// a script function needs the engine, which may override "sort" and
// "order" (compile.Runtime.Builtin) to provide it.
func errSortFunc(name string) error {
	return bifError("%s() with a comparison function needs the engine (not supported here yet)", name)
}

// sortArgs checks the arguments of sort and order and returns the vector
// and its ordering.
func sortArgs(name string, args []value.Value) (*value.Vector, func(a, b value.Value) int, error) {
	if len(args) == 0 {
		return nil, nil, bifError("%s() requires a vector argument", name)
	}
	vec, et := VectorArg(args[0])
	if vec == nil {
		return nil, nil, bifError("%s() requires a vector argument", name)
	}
	if len(args) > 2 {
		return nil, nil, bifError("%s() takes at most 2 arguments", name)
	}
	if len(args) == 2 {
		return nil, nil, errSortFunc(name)
	}
	less := numericLess(et)
	if less == nil {
		return nil, nil, bifError("comparison function required for %s() with non-numeric types", name)
	}
	return vec, less, nil
}

// sort sorts a vector in place (stable) and returns it.
func bifSort(_ Context, args []value.Value) (value.Value, error) {
	vec, less, err := sortArgs("sort", args)
	if err != nil {
		return value.None, err
	}
	slices.SortStableFunc(vec.Elems, less)
	return args[0], nil
}

// order returns the indices of the vector's elements in sorted order
// (stable: equal elements keep their relative order).
func bifOrder(ctx Context, args []value.Value) (value.Value, error) {
	vec, less, err := sortArgs("order", args)
	if err != nil {
		return indexVec(ctx, nil), err
	}
	idx := make([]uint64, len(vec.Elems))
	for i := range idx {
		idx[i] = uint64(i)
	}
	slices.SortStableFunc(idx, func(a, b uint64) int { return less(vec.Elems[a], vec.Elems[b]) })
	return indexVec(ctx, idx), nil
}

// resize sets a vector's length (new elements are holes) and returns the
// old length.
func bifResize(_ Context, args []value.Value) (value.Value, error) {
	vec, _ := VectorArg(args[0])
	if vec == nil {
		return value.Count(0), bifError("resize() operates on vectors")
	}
	old := len(vec.Elems)
	n := args[1].Count()
	if n > math.MaxInt32 {
		return value.Count(uint64(old)), bifError("resize(): new size %d is too large", n)
	}
	if int(n) <= old {
		clear(vec.Elems[n:])
		vec.Elems = vec.Elems[:n]
	} else {
		for len(vec.Elems) < int(n) {
			vec.Elems = append(vec.Elems, value.None)
		}
	}
	return value.Count(uint64(old)), nil
}

// boolVector returns the elements of a vector of bool argument.
func boolVector(name string, v value.Value) ([]value.Value, error) {
	vec, et := VectorArg(v)
	if vec == nil || et.Kind() != types.Bool {
		return nil, bifError("%s() requires vector of bool", name)
	}
	return vec.Elems, nil
}

// any_set: some element is T (holes count as F).
func bifAnySet(_ Context, args []value.Value) (value.Value, error) {
	elems, err := boolVector("any_set", args[0])
	if err != nil {
		return value.Bool(false), err
	}
	for _, e := range elems {
		if !e.IsUnset() && e.Bool() {
			return value.Bool(true), nil
		}
	}
	return value.Bool(false), nil
}

// all_set: every element is T; true for the empty vector.
func bifAllSet(_ Context, args []value.Value) (value.Value, error) {
	elems, err := boolVector("all_set", args[0])
	if err != nil {
		return value.Bool(false), err
	}
	for _, e := range elems {
		if e.IsUnset() || !e.Bool() {
			return value.Bool(false), nil
		}
	}
	return value.Bool(true), nil
}

// subnetTable returns the set[subnet]/table[subnet] argument of the
// subnet lookup built-ins.
func subnetTable(name string, v value.Value) (*value.Table, error) {
	t := argTable(v)
	if t == nil || len(t.Type.Index) != 1 || t.Type.Index[0].Kind() != types.Subnet {
		return nil, bifError("%s needs to be called on a set[subnet]/table[subnet].", name)
	}
	return t, nil
}

// matching_subnets returns every key containing the subnet, shortest
// prefix first.
func bifMatchingSubnets(ctx Context, args []value.Value) (value.Value, error) {
	vt := vectorType(ctx, "subnet_vec", types.SubnetType)
	vec := &value.Vector{Type: vt}
	t, err := subnetTable("matching_subnets", args[1])
	if err != nil {
		return value.Value{P: vec}, err
	}
	for _, p := range t.MatchingSubnets(args[0].Subnet()) {
		vec.Elems = append(vec.Elems, value.Subnet(p))
	}
	return value.Value{P: vec}, nil
}

// check_subnet: the exact subnet is a key (no longest-prefix match).
func bifCheckSubnet(_ Context, args []value.Value) (value.Value, error) {
	t, err := subnetTable("check_subnet", args[1])
	if err != nil {
		return value.Bool(false), err
	}
	return value.Bool(t.CheckSubnet(args[0].Subnet())), nil
}

// filter_subnet_table returns a new table of the same type with the
// entries whose key contains the subnet. The new table keeps the
// original's attributes (&default...), not its engine state (expiry).
func bifFilterSubnetTable(_ Context, args []value.Value) (value.Value, error) {
	t, err := subnetTable("filter_subnet_table", args[1])
	if err != nil {
		return value.None, err
	}
	out := t.FilterSubnets(args[0].Subnet())
	if t.Attrs != nil {
		out.Attrs = t.Attrs.Detached()
	}
	return value.Box(value.Value{P: out}, t.Type), nil
}

// same_object: both arguments are the same aggregate (record, table, set,
// vector, pattern, function, file or opaque). Scalars are values, never
// objects, so they are never the same object.
func bifSameObject(_ Context, args []value.Value) (value.Value, error) {
	a, b := unbox(args[0]).P, unbox(args[1]).P
	switch x := a.(type) {
	case *value.Record, *value.Table, *value.Vector, *value.Pattern, *value.Func, *value.File:
		return value.Bool(a == b), nil
	case value.Opaque:
		y, ok := b.(value.Opaque)
		return value.Bool(ok && isSamePointer(x, y)), nil
	}
	return value.Bool(false), nil
}

// isSamePointer compares two opaques by identity when they are pointers
// (comparable), and never panics on uncomparable dynamic types.
func isSamePointer(x, y value.Opaque) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return x == y
}

// enumType finds the enum type an `any` argument names: a type value, an
// enum value, or a string naming the type.
func enumType(ctx Context, v value.Value) *types.EnumType {
	switch x := v.P.(type) {
	case *types.EnumType:
		return x
	case types.Type:
		et, _ := x.(*types.EnumType)
		return et
	case *value.Any:
		if x == nil {
			return nil
		}
		if et, ok := x.Type.(*types.EnumType); ok {
			return et
		}
		if x.Type.Kind() == types.String && ctx != nil {
			et, _ := ctx.Type(x.Value.Str()).(*types.EnumType)
			return et
		}
	}
	return nil
}

// enum_names returns the names of an enum type (empty when the argument
// is not an enum type or does not name one).
func bifEnumNames(ctx Context, args []value.Value) (value.Value, error) {
	var names []string
	if et := enumType(ctx, args[0]); et != nil {
		for _, c := range et.All() {
			names = append(names, c.Name)
		}
	}
	return StringSet(ctx, names), nil
}

func bifEnumToInt(_ Context, args []value.Value) (value.Value, error) {
	v, t := boxed(args[0])
	if t.Kind() != types.Enum {
		return value.Int(0), bifError("enum_to_int() requires an enum value")
	}
	return value.Int(v.Int()), nil
}

// StringSet builds a string_set from ss (the engine's built-ins use it too).
func StringSet(ctx Context, ss []string) value.Value {
	var st *types.TableType
	if ctx != nil {
		st, _ = ctx.Type("string_set").(*types.TableType)
	}
	if st == nil {
		st = types.NewSet(types.StringType)
	}
	set := value.NewTable(st)
	for _, s := range ss {
		set.Add1(value.String(s))
	}
	return value.Value{P: set}
}

// record_fields describes a record type's fields, in declaration order:
// type name, &log, &optional and, for a record value, the field's value.
// default_val is left unset: the &default expression needs the engine to
// evaluate it.
func bifRecordFields(ctx Context, args []value.Value) (value.Value, error) {
	var rt *types.RecordType
	var rec *value.Record
	switch x := args[0].P.(type) {
	case *types.RecordType:
		rt = x
	case *value.Any:
		switch x.Type.Kind() {
		case types.Record:
			rec, _ = x.Value.P.(*value.Record)
			rt, _ = x.Type.(*types.RecordType)
			if rec != nil && rec.Type != nil {
				rt = rec.Type
			}
		case types.String:
			rt, _ = ctx.Type(x.Value.Str()).(*types.RecordType)
		}
	}
	tt, _ := ctx.Type("record_field_table").(*types.TableType)
	var ft *types.RecordType
	if tt != nil {
		ft, _ = tt.Yield.(*types.RecordType)
	}
	if ft == nil {
		return value.None, bifError("record_fields(): type record_field_table is not declared")
	}
	out := value.NewTable(tt)
	out.Attrs = &value.TableAttrs{Ordered: true}
	if rt == nil {
		return value.Value{P: out}, bifError("record_fields() requires a record value or type")
	}
	for i, f := range rt.Fields {
		r := value.EmptyRecord(ft, value.AllFields)
		set := r.Set
		set("type_name", value.String(types.Describe(f.Type)))
		set("log", value.Bool(f.Log))
		set("optional", value.Bool(f.Optional))
		if rec != nil {
			if fv := rec.Field(i); !fv.IsUnset() {
				set("value", value.Box(fv, f.Type))
			}
		}
		out.Put1(value.String(f.Name), value.Value{P: r})
	}
	return value.Value{P: out}, nil
}

// record_type_to_vector returns the field names of the named record type,
// in declaration order (an empty vector for an unknown name).
func bifRecordTypeToVector(ctx Context, args []value.Value) (value.Value, error) {
	rt, _ := ctx.Type(args[0].Str()).(*types.RecordType)
	var names []string
	if rt != nil {
		for _, f := range rt.Fields {
			names = append(names, f.Name)
		}
	}
	return StringVec(ctx, names), nil
}
