package check

import (
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/signature"
	"github.com/gobro/gobro/lang/token"
	"github.com/gobro/gobro/lang/types"
)

// SymKind classifies symbols.
type SymKind uint8

const (
	GlobalVar SymKind = iota // global
	ConstVar                 // const (global)
	OptionVar                // option
	LocalVar                 // local, const local or parameter: a frame slot
	FuncSym                  // function, event or hook
	TypeSym                  // a type name
	EnumSym                  // an enum constant
)

var symKindNames = [...]string{"global", "const", "option", "local", "function", "type", "enum constant"}

func (k SymKind) String() string { return symKindNames[k] }

// Symbol is one declared name.
type Symbol struct {
	Name     string // fully qualified for globals ("Intel::seen", "x")
	Kind     SymKind
	Type     types.Type
	Slot     int // globals: index in Program.Globals; locals: frame slot
	Pos      token.Pos
	Module   string
	Exported bool
	Attrs    []*ast.Attr
	Init     ast.Expr // declared initializer (globals and locals)
	Redefs   []*Redef // globals: redefs in load order
	Redefine bool     // has &redef
	IsConst  bool     // const local
	Enum     *types.EnumConst
	Func     *Func
	Body     *Body // locals: the body whose frame holds the slot

	Deprecated    bool
	DeprecatedMsg string
	Referenced    bool
}

// Redef is one "redef x op expr" applied to a global.
type Redef struct {
	Decl  *ast.RedefDecl
	Op    string // "=", "+=", "-="
	Expr  ast.Expr
	Attrs []*ast.Attr
	// Seq is the number of globals declared before the redef: it applies
	// after their initialisers and before the later ones', as Zeek
	// applies redefs where they are parsed.
	Seq int
	// Ord is the redef's place among all redefs, in declaration order.
	Ord int
}

// Func is a function, event or hook with all its bodies.
type Func struct {
	Sym     *Symbol
	Type    *types.FuncType   // the canonical prototype
	Protos  []*types.FuncType // every declared prototype, canonical first
	Bodies  []*Body
	Builtin bool // a BIF: implemented in Go, Bodies is empty
	// Async marks a function with a "return when": its result comes
	// later, so it may only be called in a when condition.
	Async bool
	// Assigned marks a script function that some statement assigns a
	// function value to ("f = function(...) {...};"): its global slot
	// holds the current value, so calls must go through the slot rather
	// than straight to Bodies.
	Assigned bool
}

// Body is one function body, event or hook handler, lambda, or the
// top-level statements. Its frame holds Locals by slot (parameters first).
type Body struct {
	Func   *Func
	Decl   *ast.FuncDecl   // nil for lambdas and the top level
	Lambda *ast.LambdaExpr // nil unless a lambda
	Top    bool            // the top-level statements
	Proto  *types.FuncType // the prototype the body bound to
	// ArgMap[i] is the canonical argument handler parameter i receives
	// (an alternate prototype may drop or reorder parameters).
	ArgMap []int
	Params []*Symbol
	// Narrowed lists the parameters a handler declares with a concrete
	// type where its event or hook has any: their arguments arrive boxed
	// and are unboxed when bound.
	Narrowed []int
	Locals   []*Symbol // every frame slot, by slot index
	Captures []*Capture
	Priority int
	Group    string
	// Module is the module in effect where the body is written (what
	// enable_module_events/disable_module_events select by).
	Module string
	Parent *Body // enclosing body of a lambda

	ctx *funcCtx // the top level's checking context, kept across decls
}

// NumSlots is the frame size of the body.
func (b *Body) NumSlots() int { return len(b.Locals) }

// Capture is one captured outer local of a lambda or when statement.
type Capture struct {
	Outer *Symbol // the captured variable in the enclosing body
	Inner *Symbol // its slot in the lambda frame (nil for when)
	Copy  bool    // deep copy ([copy x]), and Bro-style implicit captures
}

// Program is the result of checking: everything the compiler needs, with
// names resolved to symbols so no lookup by name is left for run time.
type Program struct {
	// Signatures are those of the signature files the scripts loaded
	// (@load-sigs), for the packet engine's protocol detection.
	Signatures []*signature.Signature

	Globals []*Symbol          // by slot: variables, functions, events, hooks
	Scope   map[string]*Symbol // fully qualified name → symbol (incl. types, enum constants)
	Funcs   []*Func            // in declaration order
	Bodies  []*Body            // every body, lambdas included
	Top     *Body              // frame of the top-level statements
	// TopStmts are the top-level statements, in load order.
	TopStmts []ast.Stmt

	// Types is the static type of every checked expression.
	Types map[ast.Expr]types.Type
	// Coerce marks expressions implicitly converted where used (count to
	// double, a record to the wanted record type...): the target type.
	Coerce map[ast.Expr]types.Type
	// Expand marks the values of set/table constructor indexes that are
	// sets standing for their members ({ [set("a", "b"), 1] } holds
	// ["a", 1] and ["b", 1]): the value maps to the index type of its
	// place, which each member is converted to. The constructor holds the
	// cross product of the members of every expanded value of an index
	// with the other values. Types still has the set's own type.
	Expand map[ast.Expr]types.Type
	// Uses resolves every identifier.
	Uses map[*ast.Ident]*Symbol
	// TypeOf resolves type expressions used in statements and expressions
	// (casts, is, case type, local declarations).
	TypeOf   map[ast.TypeExpr]types.Type
	Lambdas  map[*ast.LambdaExpr]*Body
	Handlers map[*ast.FuncDecl]*Body
	// Locals resolves local declarations to their frame slot symbols.
	Locals map[*ast.VarDecl]*Symbol
	// Whens maps when statements to their captures (explicit or implicit).
	Whens map[*ast.WhenStmt][]*Capture

	// BroCompat is set when the run uses Bro 2.x spellings: a handler of
	// bro_init, bro_done or bro_script_loaded (set by the checker), or a
	// .bro script from outside the embedded tree (set by the frontend).
	// Scripts ask for it with gobro_bro_compat() to default to Bro 2.6's
	// names (Known::host_store_name "bro/known/hosts"...).
	BroCompat bool
}

// Lookup returns the global symbol with a fully qualified name.
func (p *Program) Lookup(name string) *Symbol { return p.Scope[name] }

func (f *Func) String() string { return f.Sym.Name }

// Describe renders e as Zeek shows an expression in a run-time message:
// calls with their default arguments filled in, identifiers by their
// full names, implicit arithmetic and record conversions as "(coerce E
// to T)".
func (p *Program) Describe(e ast.Expr) string {
	return ast.FormatWith(e, p.describeOptions())
}

func (p *Program) describeOptions() ast.FormatOptions {
	return ast.FormatOptions{Defaults: p.defaults, Name: p.fullName, Coerce: p.coercion}
}

// coercion names the type x is implicitly converted to, when Zeek shows
// that conversion.
func (p *Program) coercion(x ast.Expr) string {
	t := p.Coerce[x]
	if t == nil {
		return ""
	}
	if k := t.Kind(); types.IsArith(k) || k == types.Record {
		return t.String()
	}
	return ""
}

// defaults returns the default arguments call leaves out.
func (p *Program) defaults(call *ast.CallExpr) []ast.Expr {
	ft, ok := p.Types[call.Fun].(*types.FuncType)
	if !ok {
		return nil
	}
	var out []ast.Expr
	for i := len(call.Args); i < len(ft.Params); i++ {
		if d := ft.Params[i].Default; d != nil {
			out = append(out, d)
		}
	}
	return out
}

// FormatAssert renders the condition of a failed assertion as Zeek does:
// as Describe, but with string constants in quotes (assert
// to_count("42") == 42.5 gives (coerce to_count("42", 10) to double) ==
// 42.5).
func (p *Program) FormatAssert(e ast.Expr) string {
	o := p.describeOptions()
	o.Quote = true
	return ast.FormatWith(e, o)
}

// fullName is an identifier as Zeek names it: globals by their qualified
// name, locals of a body written in a module with that module's prefix.
func (p *Program) fullName(id *ast.Ident) string {
	s := p.Uses[id]
	switch {
	case s == nil:
		return id.Name
	case s.Kind == LocalVar && s.Body != nil && s.Body.Module != "" && s.Body.Module != "GLOBAL":
		return s.Body.Module + "::" + s.Name
	}
	return s.Name
}
