package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// resolveType turns a written type into a type, reporting unknown names.
// The result is recorded in Program.TypeOf.
func (c *Checker) resolveType(te ast.TypeExpr) types.Type {
	t := c.resolveType1(te)
	if te != nil {
		c.prog.TypeOf[te] = t
	}
	return t
}

func (c *Checker) resolveType1(te ast.TypeExpr) types.Type {
	switch te := te.(type) {
	case nil:
		return types.VoidType
	case *ast.NamedType:
		if t := types.BasicByName[te.Name]; t != nil {
			return t
		}
		s := c.lookupGlobal(te.Name, te)
		if s == nil {
			c.errorText(te, "", "identifier not defined: %s", te.Name)
			return types.ErrorType
		}
		if s.Kind != TypeSym {
			c.errorText(te, "", "not a type: %s", te.Name)
			return types.ErrorType
		}
		c.deprecatedUse(s, te)
		return s.Type
	case *ast.SetType:
		return types.NewSet(c.resolveTypes(te.Index)...)
	case *ast.TableType:
		return types.NewTable(c.resolveType(te.Yield), c.resolveTypes(te.Index)...)
	case *ast.VectorType:
		return &types.VectorType{Elem: c.resolveType(te.Elem)}
	case *ast.RecordType, *ast.EnumType:
		t := newNominal("", te)
		c.fillNominal(t, te)
		return t
	case *ast.FuncType:
		return c.resolveFuncType(te, te.Kind)
	case *ast.OpaqueType:
		return &types.OpaqueType{Name: te.Name}
	}
	return types.ErrorType
}

func (c *Checker) resolveTypes(ts []ast.TypeExpr) []types.Type {
	out := make([]types.Type, len(ts))
	for i, t := range ts {
		out[i] = c.resolveType(t)
	}
	return out
}

// resolveFuncType resolves a function, event or hook signature. Parameter
// defaults must be trailing.
func (c *Checker) resolveFuncType(ft *ast.FuncType, kind ast.FuncKind) *types.FuncType {
	t := c.resolveSig(kind, ft.Params, ft.Result, ft)
	t.Variadic = ft.Variadic
	return t
}

func (c *Checker) resolveSig(kind ast.FuncKind, params []*ast.Param, result ast.TypeExpr, n ast.Node) *types.FuncType {
	t := &types.FuncType{Flavor: kind}
	seenDefault := false
	for _, p := range params {
		pt := c.resolveType(p.Type)
		tp := &types.Param{Name: p.Name, Type: pt, Attrs: p.Attrs}
		info := c.checkAttrs(p.Attrs, attrParam, pt)
		tp.Default = info.def
		if tp.Default != nil {
			seenDefault = true
		} else if seenDefault {
			c.errorText(p, "", "parameter %s without default follows one with &default", p.Name)
		}
		t.Params = append(t.Params, tp)
	}
	switch kind {
	case ast.Function:
		t.Result = c.resolveType(result)
	case ast.Hook:
		t.Result = types.BoolType
		if result != nil {
			c.resolveType(result)
		}
	default:
		t.Result = types.VoidType
		if result != nil {
			c.errorText(n, "", "event cannot yield a value")
		}
	}
	return t
}

// newNominal returns an empty record or enum type for te (nil for other
// types). Records and enums are objects with an identity, which redefs
// grow; a declaration names them before filling them.
func newNominal(name string, te ast.TypeExpr) types.Type {
	switch te.(type) {
	case *ast.RecordType:
		return types.NewRecord(name)
	case *ast.EnumType:
		return types.NewEnum(name)
	}
	return nil
}

// fillNominal adds the fields or enum names te declares to t, made by
// newNominal(te).
func (c *Checker) fillNominal(t types.Type, te ast.TypeExpr) {
	switch te := te.(type) {
	case *ast.RecordType:
		c.addFields(t.(*types.RecordType), te.Fields, false)
	case *ast.EnumType:
		c.addEnumNames(t.(*types.EnumType), te.Names, te)
	}
}

// addFields adds record fields (a declaration or a redef). Fields added by
// redef must be &optional or &default, since existing values grow them.
func (c *Checker) addFields(r *types.RecordType, fields []*ast.Field, redef bool) {
	for _, f := range fields {
		ft := c.resolveType(f.Type)
		info := c.checkAttrs(f.Attrs, attrField, ft)
		fld := &types.Field{
			Name: f.Name, Type: ft, Attrs: f.Attrs,
			Optional: info.optional, Log: info.log, Default: info.def,
			Deprecated: info.deprecated, DeprecMsg: info.deprecMsg, Redef: redef,
		}
		if redef && !fld.Optional && fld.Default == nil {
			c.errorText(f, f.Name, "extension field must be &optional or have &default")
		}
		if err := r.AddField(fld); err != nil {
			c.errorText(f, "", "%v", err)
		}
	}
}

// addEnumNames adds enum constants, qualified in the current module, each
// also declared as a global constant symbol.
func (c *Checker) addEnumNames(e *types.EnumType, names []*ast.EnumName, n ast.Node) {
	for _, en := range names {
		v := int64(-1)
		if en.Value != nil {
			if x, ok := c.constInt(en.Value); ok && x >= 0 {
				v = x
			} else {
				c.errorf(en.Value, en.Value, "enumerator value must be a non-negative constant")
			}
		}
		full := c.qualify(en.Name)
		if old := c.prog.Scope[full]; old != nil {
			c.diags.Add(alreadyDefined(old.Pos, en, full))
			continue
		}
		k := e.Add(full, v)
		if k == nil {
			continue
		}
		info := c.checkAttrs(en.Attrs, attrEnum, e)
		// Enum names are visible from every module (a redef may add
		// names of any module to any enum).
		s := &Symbol{Name: full, Kind: EnumSym, Type: e, Pos: en.Pos(), Enum: k, Exported: true,
			Deprecated: info.deprecated, DeprecatedMsg: info.deprecMsg}
		c.declareGlobal(s)
	}
}
