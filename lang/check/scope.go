package check

import (
	"errors"
	"strings"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
	"github.com/gobro/gobro/lang/types"
)

const globalModule = "GLOBAL"

// funcCtx is the state of the body being checked.
type funcCtx struct {
	body   *Body
	locals map[string]*Symbol // one scope: Zeek locals are function-wide
	flavor ast.FuncKind
	result types.Type // expected return type; VoidType for events
	loops  int        // enclosing loops (break/next)
	swtch  int        // enclosing switch statements (break/fallthrough)
	parent *funcCtx   // enclosing body of a lambda
	// whenCond is set while checking a when condition: async calls are
	// legal there; asyncStore records a Broker store query in it.
	whenCond   bool
	asyncStore bool
	// whenDepth > 0 inside a when statement; locals with a slot below
	// whenBase were declared outside it and are recorded in whenUses: its
	// captures (listed, or implicit in Bro style).
	whenDepth int
	whenBase  int
	whenUses  []*Symbol
	lambda    *lambdaCaps // the lambda being checked, for capture checks
}

type lambdaCaps struct {
	explicit bool // has a capture list
	list     []*ast.Capture
}

// qualify returns the fully qualified name under which a declaration of
// name in the current module is stored.
func (c *Checker) qualify(name string) string {
	if strings.HasPrefix(name, "::") {
		return name[2:]
	}
	if m, n, ok := strings.Cut(name, "::"); ok {
		if m == globalModule {
			return n
		}
		return name
	}
	if c.module == globalModule {
		return name
	}
	return c.module + "::" + name
}

// moduleOf returns the module of a fully qualified name.
func moduleOf(full string) string {
	if i := strings.LastIndex(full, "::"); i >= 0 {
		return full[:i]
	}
	return globalModule
}

// declareGlobal adds a global symbol under its qualified name.
func (c *Checker) declareGlobal(s *Symbol) {
	s.Module = moduleOf(s.Name)
	// Declaring M::x from outside module M makes it visible everywhere.
	s.Exported = s.Exported || c.export || s.Module != c.module
	c.prog.Scope[s.Name] = s
	switch s.Kind {
	case GlobalVar, ConstVar, OptionVar, FuncSym:
		s.Slot = len(c.prog.Globals)
		c.prog.Globals = append(c.prog.Globals, s)
	}
}

// lookupGlobal finds a global by name as written, following Zeek's rules:
// "::x" and "GLOBAL::x" are global; "M::x" is exact (and must be exported
// when used from another module); a bare name tries the current module,
// then GLOBAL, then the built-in functions.
func (c *Checker) lookupGlobal(name string, n ast.Node) *Symbol {
	if strings.HasPrefix(name, "::") {
		return c.findGlobal(name[2:])
	}
	if m, rest, ok := strings.Cut(name, "::"); ok {
		if m == globalModule {
			return c.findGlobal(rest)
		}
		s := c.findGlobal(name)
		if s != nil && n != nil && s.Module != c.module && s.Module != globalModule &&
			!s.Exported && !(s.Func != nil && s.Func.Builtin) {
			c.errorText(n, "", "identifier is not exported: %s", name)
		}
		return s
	}
	if c.module != globalModule {
		if s := c.findGlobal(c.module + "::" + name); s != nil {
			return s
		}
	}
	return c.findGlobal(name)
}

// findGlobal looks a fully qualified name up, declaring a BIF on first use.
// Bro's lifecycle event names (bro_init...) are the Zeek events, so that
// "event bro_init()" and "@ifdef ( bro_init )" behave as in Bro.
func (c *Checker) findGlobal(full string) *Symbol {
	if s := c.prog.Scope[full]; s != nil {
		return s
	}
	if b := c.bifs[full]; b != nil {
		return c.declareBuiltin(full)
	}
	if alias, ok := eventAliases[full]; ok {
		return c.findGlobal(alias)
	}
	return nil
}

// declareBuiltin parses and resolves a BIF signature in the BIF's module.
func (c *Checker) declareBuiltin(full string) *Symbol {
	b := c.bifs[full]
	delete(c.bifs, full) // once, even when the signature is bad
	if c.opts.ParseFuncType == nil {
		return nil
	}
	ft, err := c.opts.ParseFuncType(b.Name, b.Sig)
	if err != nil || ft == nil {
		if err == nil {
			err = errors.New("no type")
		}
		c.diags.Add(&diag.Diagnostic{Severity: diag.Error, Msg: "bad signature of built-in function " + b.Name + ": " + err.Error()})
		return nil
	}
	saveMod, saveExp := c.module, c.export
	c.module, c.export = moduleOf(full), true
	saveFn := c.fn
	c.fn = nil
	t := c.resolveFuncType(ft, ft.Kind)
	c.module, c.export, c.fn = saveMod, saveExp, saveFn
	s := &Symbol{Name: full, Kind: FuncSym, Type: t, Exported: true}
	f := &Func{Sym: s, Type: t, Protos: []*types.FuncType{t}, Builtin: true}
	s.Func = f
	c.declareGlobal(s)
	c.prog.Funcs = append(c.prog.Funcs, f)
	return s
}

// Defined reports whether name, as written, names something declared
// (@ifdef / @ifndef).
func (c *Checker) Defined(name string) bool {
	return c.lookupGlobal(name, nil) != nil
}

// ---- locals ----------------------------------------------------------------

// declareLocal adds a local to the current body and gives it a slot in its
// frame. Zeek locals are function-scoped, so a name declared twice in one
// body is an error, even in different blocks.
func (c *Checker) declareLocal(name string, t types.Type, pos token.Pos, n ast.Node) *Symbol {
	f := c.fn
	if old := f.locals[name]; old != nil {
		if n != nil {
			c.diags.Add(alreadyDefined(old.Pos, n, name))
		}
		return old
	}
	return f.newLocal(name, t, pos)
}

func (f *funcCtx) newLocal(name string, t types.Type, pos token.Pos) *Symbol {
	s := &Symbol{Name: name, Kind: LocalVar, Type: t, Pos: pos, Body: f.body, Slot: len(f.body.Locals)}
	f.body.Locals = append(f.body.Locals, s)
	f.locals[name] = s
	return s
}

// lookupLocal finds a local of the current body. A lambda sees the
// locals of enclosing bodies only through its captures: listed ones were
// declared as its locals; without a capture list (Bro style) an outer
// local is captured implicitly on first use.
func (c *Checker) lookupLocal(name string, n ast.Node) *Symbol {
	f := c.fn
	if s := f.locals[name]; s != nil {
		return s
	}
	if f.lambda == nil || f.parent == nil {
		return nil
	}
	save := c.fn
	c.fn = f.parent
	outer := c.lookupLocal(name, nil)
	c.fn = save
	if outer == nil {
		return nil
	}
	if f.lambda.explicit {
		if n != nil {
			c.errorText(n, "", "%s is used inside lambda but not captured", name)
		}
		return outer
	}
	// Bro-era lambdas capture implicitly (by copy); Zeek 4 deprecated that
	// and later rejected it. Accept, once per name, with a warning.
	if n != nil {
		c.deprecation(n, "", name, "implicit capture in a lambda without a capture list, write function["+name+"](...)")
	}
	inner := f.newLocal(name, outer.Type, outer.Pos)
	f.body.Captures = append(f.body.Captures, &Capture{Outer: outer, Inner: inner, Copy: true})
	return inner
}

// lookup resolves an identifier: locals, then globals.
func (c *Checker) lookup(id *ast.Ident) *Symbol {
	if c.fn != nil && !strings.Contains(id.Name, "::") {
		if s := c.lookupLocal(id.Name, id); s != nil {
			return s
		}
	}
	return c.lookupGlobal(id.Name, id)
}
