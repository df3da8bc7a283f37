package types

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
// widening (count → int → double), records whose fields fit, any vector
// into a vector of any, and function values whose parameters are
// identical or any.
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
	case *VectorType:
		// A wanted vector of any takes every vector (BIFs and scripts
		// written for any element type); the value is not converted.
		if _, ok := from.(*VectorType); ok {
			return to.Elem != nil && to.Elem.Kind() == Any
		}
	case *TableType:
		// A wanted table whose yield is any accepts every yield, so
		// internal prototypes (expire functions) take any table.
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
