package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/types"
)

// Bro's names of the lifecycle events.
var eventAliases = map[string]string{
	"bro_init": "zeek_init", "bro_done": "zeek_done",
	"bro_script_loaded": "zeek_script_loaded",
}

// globalEvents are the lifecycle events, global even when handled
// inside a module before any script declared them.
var globalEvents = map[string]bool{"zeek_init": true, "zeek_done": true, "zeek_script_loaded": true}

func (c *Checker) decl(d ast.Decl) {
	switch d := d.(type) {
	case *ast.ModuleDecl:
		c.module = d.Name
	case *ast.ExportDecl:
		save := c.export
		c.export = true
		for _, x := range d.Decls {
			c.decl(x)
		}
		c.export = save
	case *ast.VarDecl:
		c.globalDecl(d)
	case *ast.TypeDecl:
		c.typeDecl(d)
	case *ast.RedefDecl:
		c.redefDecl(d)
	case *ast.RedefRecordDecl:
		c.redefRecord(d)
	case *ast.RedefEnumDecl:
		s := c.lookupGlobal(d.Name, d)
		if s == nil || s.Kind != TypeSym || s.Type.Kind() != types.Enum {
			c.errorText(d, "", "%s is not an enum type", d.Name)
			return
		}
		c.addEnumNames(s.Type.(*types.EnumType), d.Names, d)
	case *ast.RedefFieldAttrDecl:
		c.redefFieldAttr(d)
	case *ast.FuncDecl:
		c.funcDecl(d)
	case *ast.StmtDecl:
		c.topStmt(d.Stmt)
	default:
		c.errorText(d, "", "unsupported declaration")
	}
}

// topStmt checks a statement at top level. Its locals live in the frame
// of Program.Top, shared by all top-level statements.
func (c *Checker) topStmt(s ast.Stmt) {
	top := c.prog.Top
	if top.ctx == nil {
		top.ctx = &funcCtx{body: top, locals: map[string]*Symbol{}, flavor: ast.Function, result: types.VoidType}
	}
	c.fn = top.ctx
	c.stmt(s)
	c.fn = nil
	c.prog.TopStmts = append(c.prog.TopStmts, s)
}

func symKind(k ast.VarKind) SymKind {
	switch k {
	case ast.Const:
		return ConstVar
	case ast.Option:
		return OptionVar
	}
	return GlobalVar
}

// globalDecl checks global, const and option declarations; a global of
// event or hook type declares the event, or an alternate prototype of it.
func (c *Checker) globalDecl(d *ast.VarDecl) {
	full := c.qualify(d.Name)
	if old := c.prog.Scope[full]; old != nil {
		if old.Kind == FuncSym && d.Init == nil {
			if ft, ok := d.Type.(*ast.FuncType); ok {
				c.redeclareFunc(old, c.resolveFuncType(ft, ft.Kind), d)
				return
			}
		}
		if d.Type != nil {
			c.resolveType(d.Type)
		}
		c.diags.Add(alreadyDefined(old.Pos, d, full))
		return
	}
	t := c.varType(d, attrVar)
	s := &Symbol{Name: full, Kind: symKind(d.Kind), Type: t, Pos: d.Pos(), Attrs: d.Attrs, Init: d.Init}
	attrs := d.Attrs
	if ce, ok := d.Init.(*ast.ConstructorExpr); ok {
		// "= table() &redef": the grammar gives the attributes to the
		// constructor, but &redef and &deprecated mean the variable.
		attrs = append(attrs[:len(attrs):len(attrs)], ce.Attrs...)
	}
	for _, a := range attrs {
		switch a.Name {
		case "redef":
			s.Redefine = true
		case "deprecated":
			s.Deprecated, s.DeprecatedMsg = true, c.deprecatedMsg(a)
		}
	}
	if ft, ok := t.(*types.FuncType); ok && d.Init == nil {
		s.Kind = FuncSym
		f := &Func{Sym: s, Type: ft, Protos: []*types.FuncType{ft}}
		s.Func = f
		c.prog.Funcs = append(c.prog.Funcs, f)
	}
	c.declareGlobal(s)
}

// redeclareFunc handles "global f: function/event/hook(...)" for a name
// declared before: an alternate event/hook prototype must use a subset of
// the parameters of the first (by name and type).
func (c *Checker) redeclareFunc(old *Symbol, ft *types.FuncType, n ast.Node) {
	f := old.Func
	if f == nil || f.Builtin || ft.Flavor != f.Type.Flavor {
		c.diags.Add(alreadyDefined(old.Pos, n, old.Name))
		return
	}
	if types.Identical(ft, f.Type) {
		return
	}
	if ft.Flavor == ast.Function {
		c.diags.Add(alreadyDefined(old.Pos, n, old.Name))
		return
	}
	for _, p := range ft.Params {
		if q := paramByName(f.Type, p.Name); q == nil || !types.Identical(p.Type, q.Type) {
			c.errorText(n, "", "alternate %s prototype has parameter %s not in the original", ft.Flavor, p.Name)
			return
		}
	}
	f.Protos = append(f.Protos, ft)
}

func paramByName(ft *types.FuncType, name string) *types.Param {
	for _, p := range ft.Params {
		if p.Name == name {
			return p
		}
	}
	return nil
}

func (c *Checker) typeDecl(d *ast.TypeDecl) {
	full := c.qualify(d.Name)
	if old := c.prog.Scope[full]; old != nil {
		c.diags.Add(alreadyDefined(old.Pos, d, full))
		return
	}
	s := &Symbol{Name: full, Kind: TypeSym, Pos: d.Pos(), Attrs: d.Attrs}
	if t := newNominal(full, d.Type); t != nil {
		// Declared before its fields, so a field may refer to its own
		// record type.
		s.Type = t
		c.declareGlobal(s)
		c.fillNominal(t, d.Type)
		c.prog.TypeOf[d.Type] = t
		if full == allAnalyzers {
			c.unionOfTags(t.(*types.EnumType))
		}
	} else {
		s.Type = types.Alias(full, c.resolveType(d.Type))
		c.declareGlobal(s)
	}
	info := c.checkAttrs(d.Attrs, attrType, s.Type)
	if r, ok := s.Type.(*types.RecordType); ok && info.log {
		for _, f := range r.Fields {
			f.Log = true
		}
	}
	s.Deprecated, s.DeprecatedMsg = info.deprecated, info.deprecMsg
}

// allAnalyzers is the tag type that takes any analyzer tag. Zeek builds
// it from its component managers; we make it the union of the component
// tag enums declared before it in init-bare (whose values do not overlap).
const allAnalyzers = "AllAnalyzers::Tag"

var componentTags = []string{"Analyzer::Tag", "PacketAnalyzer::Tag", "Files::Tag"}

func (c *Checker) unionOfTags(u *types.EnumType) {
	for _, name := range componentTags {
		if s := c.prog.Scope[name]; s != nil {
			if et, ok := s.Type.(*types.EnumType); ok {
				u.Members = append(u.Members, et)
			}
		}
	}
}

// combineAttrs name the attribute that gives "redef x op v" a function to
// combine the old and the new value.
var combineAttrs = map[string]string{"+=": "add_func", "-=": "delete_func"}

// redefDecl checks "redef x op v": x must be a &redef global (or option).
// A &redef function ("const f: function(...) &redef" with a body defined
// later) may be given another function: calls then go through its global.
func (c *Checker) redefDecl(d *ast.RedefDecl) {
	s := c.lookupGlobal(d.Name, d)
	if s == nil {
		c.errorText(d, d.Name, "\"redef\" used but not previously defined")
		c.expr(d.Init, nil)
		return
	}
	id := &ast.Ident{Span: ast.Span{Start: d.Start, End: d.End}, Name: d.Name}
	variable := s.Kind == GlobalVar || s.Kind == ConstVar || s.Kind == OptionVar ||
		s.Kind == FuncSym && assignableFunc(s) && d.Op == "="
	if !variable || (!s.Redefine && s.Kind != OptionVar) {
		c.diags.Add(alreadyDefined(s.Pos, d, s.Name))
		c.expr(d.Init, s.Type)
		return
	}
	if s.Kind == FuncSym {
		s.Func.Assigned = true
	}
	c.prog.Uses[id] = s
	if d.Init != nil && hasAttr(s.Attrs, combineAttrs[d.Op]) {
		// &add_func / &delete_func combine old and new values: the new
		// value has the variable's type.
		if _, ok := c.typed(d.Init, s.Type); !ok {
			c.errorText(d, d.Name+" "+d.Op+" "+ast.Format(d.Init), "type clash in assignment")
		}
	} else if d.Init != nil {
		e := &ast.AssignExpr{Span: ast.Span{Start: d.Start, End: d.End}, Op: d.Op, LHS: id, RHS: d.Init}
		c.compound(e, d.Op, s.Type, d.Init)
	}
	c.checkAttrs(d.Attrs, attrRedef, s.Type)
	s.Redefs = append(s.Redefs, &Redef{Decl: d, Op: d.Op, Expr: d.Init, Attrs: d.Attrs, Seq: len(c.prog.Globals), Ord: c.redefs})
	c.redefs++
}

func (c *Checker) redefRecord(d *ast.RedefRecordDecl) {
	s := c.lookupGlobal(d.Name, d)
	if s == nil || s.Kind != TypeSym || s.Type.Kind() != types.Record {
		c.errorText(d, "", "%s is not a record type", d.Name)
		return
	}
	r := s.Type.(*types.RecordType)
	n := len(r.Fields)
	c.addFields(r, d.Fields, true)
	info := c.checkAttrs(d.Attrs, attrRedef, r)
	if info.log {
		for _, f := range r.Fields[n:] {
			f.Log = true
		}
	}
}

// redefFieldAttr checks "redef record R$f += &log" (or -=).
func (c *Checker) redefFieldAttr(d *ast.RedefFieldAttrDecl) {
	s := c.lookupGlobal(d.Record, d)
	if s == nil || s.Kind != TypeSym || s.Type.Kind() != types.Record {
		c.errorText(d, "", "%s is not a record type", d.Record)
		return
	}
	f := s.Type.(*types.RecordType).Field(d.Field)
	if f == nil {
		c.errorText(d, d.Record+"$"+d.Field, "no such field in record")
		return
	}
	c.checkAttrs(d.Attrs, attrField, f.Type)
	for _, a := range d.Attrs {
		on := d.Op != "-="
		switch a.Name {
		case "log":
			f.Log = on
		case "optional":
			f.Optional = on
		case "deprecated":
			f.Deprecated = on
		}
		if on {
			f.Attrs = append(f.Attrs, a)
		}
	}
}

// funcDecl checks a function definition or an event/hook handler.
func (c *Checker) funcDecl(d *ast.FuncDecl) {
	name := d.Name
	if alias, ok := eventAliases[name]; ok && d.Kind == ast.Event {
		// Zeek 3.0 still ran these handlers, with this warning.
		c.deprecation(d, "", name, "use "+alias)
		name = alias
		c.prog.BroCompat = true
	}
	full := c.qualify(name)
	if globalEvents[name] && d.Kind == ast.Event {
		full = name
	}
	sig := c.resolveSig(d.Kind, d.Params, d.Result, d)
	ctx := attrHandler
	if d.Kind == ast.Function {
		ctx = attrFunc
	}
	info := c.checkAttrs(d.Attrs, ctx, nil)
	s := c.findGlobal(full)
	if s == nil && full != name {
		// A handler of a GLOBAL event inside a module ("event zeek_init()").
		if g := c.findGlobal(name); g != nil && g.Kind == FuncSym && d.Kind != ast.Function {
			s = g
		}
	}
	b := &Body{Decl: d, Priority: info.priority, Group: info.group}
	switch {
	case s == nil:
		s = &Symbol{Name: full, Kind: FuncSym, Type: sig, Pos: d.Pos(), Attrs: d.Attrs}
		f := &Func{Sym: s, Type: sig, Protos: []*types.FuncType{sig}}
		s.Func = f
		c.declareGlobal(s)
		c.prog.Funcs = append(c.prog.Funcs, f)
		b.Proto, b.ArgMap = sig, identityMap(len(sig.Params))
	case s.Func == nil || s.Func.Type.Flavor != d.Kind || s.Func.Builtin:
		c.diags.Add(alreadyDefined(s.Pos, d, full))
		return
	case d.Kind == ast.Function:
		f := s.Func
		if len(f.Bodies) > 0 {
			c.errorText(d, full, "already defined")
			return
		}
		if !types.Identical(sig, f.Type) {
			c.errorText(d, full, "function definition does not match its declaration")
		}
		b.Proto, b.ArgMap = f.Type, identityMap(len(f.Type.Params))
		sig = f.Type
	default:
		proto, argMap := bindHandler(s.Func, sig)
		if proto == nil {
			c.errorText(d, full, "use of undeclared alternate prototype")
			return
		}
		b.Proto, b.ArgMap = proto, argMap
		for i, p := range sig.Params {
			if j := argMap[i]; j >= 0 && j < len(proto.Params) && proto.Params[j].Type.Kind() == types.Any && p.Type.Kind() != types.Any {
				b.Narrowed = append(b.Narrowed, i)
			}
		}
	}
	b.Func = s.Func
	b.Module = c.module
	s.Func.Bodies = append(s.Func.Bodies, b)
	c.prog.Handlers[d] = b
	if d.Kind != ast.Function {
		// Handler parameters have the types of the bound prototype.
		sig = handlerSig(s.Func.Type, sig, b.ArgMap)
	}
	c.body(b, sig, d.Params, d.Body, nil)
	if d.Kind == ast.Function && len(d.Params) != len(sig.Params) {
		c.diags.Add(&diag.Diagnostic{Severity: diag.Error, Pos: d.Pos(), Msg: "parameter count differs from declaration", Expr: full})
	}
}

func hasAttr(attrs []*ast.Attr, name string) bool {
	for _, a := range attrs {
		if a.Name == name {
			return true
		}
	}
	return false
}

func identityMap(n int) []int {
	m := make([]int, n)
	for i := range m {
		m[i] = i
	}
	return m
}

// bindHandler finds the prototype a handler binds to: the canonical one
// positionally when the types match (names may differ), otherwise a
// declared prototype with the same parameter names and types. ArgMap maps
// each handler parameter to its canonical argument.
func bindHandler(f *Func, sig *types.FuncType) (*types.FuncType, []int) {
	canon := f.Type
	if len(sig.Params) == len(canon.Params) {
		ok := true
		for i, p := range sig.Params {
			// A handler may narrow an any parameter to the type it
			// expects (hook Conn::log_policy(rec: Conn::Info, ...) for
			// a Log::PolicyHook, whose rec is any).
			if !types.Identical(p.Type, canon.Params[i].Type) && canon.Params[i].Type.Kind() != types.Any {
				ok = false
				break
			}
		}
		if ok {
			return canon, identityMap(len(sig.Params))
		}
	}
	for _, proto := range f.Protos[1:] {
		if len(proto.Params) != len(sig.Params) {
			continue
		}
		m := make([]int, len(sig.Params))
		ok := true
		for i, p := range sig.Params {
			q := proto.Params[i]
			if q.Name != p.Name || !types.Identical(q.Type, p.Type) {
				ok = false
				break
			}
			m[i] = -1
			for j, cp := range canon.Params {
				if cp.Name == p.Name {
					m[i] = j
				}
			}
		}
		if ok {
			return proto, m
		}
	}
	return nil, nil
}

func handlerSig(canon, sig *types.FuncType, argMap []int) *types.FuncType {
	out := *sig
	out.Params = make([]*types.Param, len(sig.Params))
	for i, p := range sig.Params {
		q := *p
		if i < len(argMap) && argMap[i] >= 0 && argMap[i] < len(canon.Params) && canon.Params[argMap[i]].Type.Kind() != types.Any {
			q.Type = canon.Params[argMap[i]].Type
		}
		out.Params[i] = &q
	}
	return &out
}
