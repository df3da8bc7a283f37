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
		return a.compatible(b.(*EnumType))
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
