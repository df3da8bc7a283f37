package types

// Identical reports whether a and b are the same type. Zeek compares types
// structurally: aliases vanish, records match field by field (names and
// types), function types match by parameter types and result.
func Identical(a, b Type) bool { return identical(a, b, nil) }

type pair struct{ a, b *RecordType }

func identical(a, b Type, seen map[pair]bool) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || a.Kind() != b.Kind() {
		return false
	}
	switch a := a.(type) {
	case *Basic:
		return true
	case *TableType:
		b := b.(*TableType)
		if !identicalList(a.Index, b.Index, seen) {
			return false
		}
		if a.Yield == nil || b.Yield == nil {
			return a.Yield == nil && b.Yield == nil
		}
		return identical(a.Yield, b.Yield, seen)
	case *VectorType:
		return identical(a.Elem, b.(*VectorType).Elem, seen)
	case *ListType:
		return identicalList(a.Elems, b.(*ListType).Elems, seen)
	case *OpaqueType:
		return a.Name == b.(*OpaqueType).Name
	case *EnumType:
		b := b.(*EnumType)
		return a.Name != "" && a.Name == b.Name
	case *RecordType:
		b := b.(*RecordType)
		if len(a.Fields) != len(b.Fields) {
			return false
		}
		// Recursive records (a field of type vector of R) would loop.
		p := pair{a, b}
		if seen[p] {
			return true
		}
		if seen == nil {
			seen = map[pair]bool{}
		}
		seen[p] = true
		for i, f := range a.Fields {
			g := b.Fields[i]
			if f.Name != g.Name || !identical(f.Type, g.Type, seen) {
				return false
			}
		}
		return true
	case *FuncType:
		b := b.(*FuncType)
		if a.Flavor != b.Flavor || len(a.Params) != len(b.Params) || a.Variadic != b.Variadic {
			return false
		}
		for i, p := range a.Params {
			if !identical(p.Type, b.Params[i].Type, seen) {
				return false
			}
		}
		return identical(result(a), result(b), seen)
	}
	return false
}

func result(f *FuncType) Type {
	if f.Result == nil {
		return VoidType
	}
	return f.Result
}

func identicalList(a, b []Type, seen map[pair]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !identical(a[i], b[i], seen) {
			return false
		}
	}
	return true
}

// IsArith reports whether k is count, int or double.
func IsArith(k Kind) bool { return k == Count || k == Int || k == Double }

// IsIntegral reports whether k is count or int.
func IsIntegral(k Kind) bool { return k == Count || k == Int }

// MaxArith is the kind two arithmetic operands are promoted to:
// count < int < double.
func MaxArith(a, b Kind) Kind {
	if a == Double || b == Double {
		return Double
	}
	if a == Int || b == Int {
		return Int
	}
	return Count
}

// ArithType returns the basic type of an arithmetic kind.
func ArithType(k Kind) Type {
	switch k {
	case Count:
		return CountType
	case Int:
		return IntType
	case Double:
		return DoubleType
	}
	return ErrorType
}

// IsError reports whether t stands for an expression that already failed;
// such types are accepted everywhere so one mistake gives one message.
func IsError(t Type) bool { return t == nil || t.Kind() == Invalid }

// Promotable reports whether a value of type from may be used where to is
// wanted without a cast: identical types, anything into any, arithmetic
// widening (count → int → double), records whose fields fit, and function
// values whose parameters are identical or any.
func Promotable(from, to Type) bool {
	if IsError(from) || IsError(to) || Identical(from, to) {
		return true
	}
	if to.Kind() == Any {
		return true
	}
	fk, tk := from.Kind(), to.Kind()
	if IsArith(fk) && IsArith(tk) {
		return MaxArith(fk, tk) == tk
	}
	switch to := to.(type) {
	case *RecordType:
		if from, ok := from.(*RecordType); ok {
			return RecordCoercible(from, to)
		}
	case *FuncType:
		if from, ok := from.(*FuncType); ok {
			return funcCompatible(from, to)
		}
	case *TableType:
		// A table whose yield is any accepts every yield (internal
		// prototypes such as expire functions use it).
		if from, ok := from.(*TableType); ok && from.IsSet() == to.IsSet() {
			if !identicalList(from.Index, to.Index, nil) {
				return false
			}
			return to.Yield == nil || to.Yield.Kind() == Any || Identical(from.Yield, to.Yield)
		}
	}
	return false
}

// RecordCoercible reports whether a value of record type from converts to
// record type to: every field of from exists in to with a promotable type,
// and every field of to that from lacks is optional or has a default.
func RecordCoercible(from, to *RecordType) bool {
	for _, f := range from.Fields {
		g := to.Field(f.Name)
		if g == nil || !Promotable(f.Type, g.Type) {
			return false
		}
	}
	for _, g := range to.Fields {
		if from.Field(g.Name) == nil && !g.Optional && g.Default == nil {
			return false
		}
	}
	return true
}

func funcCompatible(from, to *FuncType) bool {
	if from.Flavor != to.Flavor || len(from.Params) != len(to.Params) {
		return false
	}
	for i, p := range from.Params {
		q := to.Params[i].Type
		if !Identical(p.Type, q) && p.Type.Kind() != Any && q.Kind() != Any {
			return false
		}
	}
	return Promotable(result(from), result(to)) || result(to).Kind() == Any
}
