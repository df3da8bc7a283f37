// Package ast is the syntax tree of Bro/Zeek scripts. The parser lowers its
// private participle grammar into these nodes; the checker annotates them
// (types, resolved names) through side tables it owns, so the tree stays
// plain syntax. Every node knows where it starts and ends.
package ast

import "github.com/gobro/gobro/lang/token"

// Span is embedded in every node.
type Span struct {
	Start, End token.Pos
}

// Pos returns where the node starts.
func (s *Span) Pos() token.Pos { return s.Start }

// EndPos returns where the node ends.
func (s *Span) EndPos() token.Pos { return s.End }

// Node is any syntax tree node.
type Node interface {
	Pos() token.Pos
	EndPos() token.Pos
}

// ---- types ----------------------------------------------------------------

// TypeExpr is a type as written in a script.
type TypeExpr interface {
	Node
	typeExpr()
}

// NamedType is a built-in type keyword (count, addr, any, file...) or the
// name of a declared type (addr_set, Intel::Info).
type NamedType struct {
	Span
	Name string
}

// SetType is set[T1, T2...].
type SetType struct {
	Span
	Index []TypeExpr
}

// TableType is table[T1, T2...] of V.
type TableType struct {
	Span
	Index []TypeExpr
	Yield TypeExpr
}

// VectorType is vector of T.
type VectorType struct {
	Span
	Elem TypeExpr
}

// RecordType is record { fields }.
type RecordType struct {
	Span
	Fields []*Field
}

// Field is one record field declaration.
type Field struct {
	Span
	Name  string
	Type  TypeExpr
	Attrs []*Attr
}

// EnumType is enum { names }.
type EnumType struct {
	Span
	Names []*EnumName
}

// EnumName is one enum constant, with an optional explicit value.
type EnumName struct {
	Span
	Name  string
	Value Expr // nil unless "= N"
	Attrs []*Attr
}

// FuncKind tells functions, events and hooks apart.
type FuncKind int

const (
	Function FuncKind = iota
	Event
	Hook
)

func (k FuncKind) String() string {
	switch k {
	case Event:
		return "event"
	case Hook:
		return "hook"
	}
	return "function"
}

// FuncType is function(params): result, event(params) or hook(params).
type FuncType struct {
	Span
	Kind     FuncKind
	Params   []*Param
	Result   TypeExpr // nil for none
	Variadic bool     // trailing "..." (built-in declarations only)
}

// Param is a function parameter.
type Param struct {
	Span
	Name  string
	Type  TypeExpr
	Attrs []*Attr
}

// OpaqueType is opaque of NAME.
type OpaqueType struct {
	Span
	Name string
}

func (*NamedType) typeExpr()  {}
func (*SetType) typeExpr()    {}
func (*TableType) typeExpr()  {}
func (*VectorType) typeExpr() {}
func (*RecordType) typeExpr() {}
func (*EnumType) typeExpr()   {}
func (*FuncType) typeExpr()   {}
func (*OpaqueType) typeExpr() {}

// Attr is &name or &name=value.
type Attr struct {
	Span
	Name  string // without '&'
	Value Expr   // nil when absent
}

// ---- declarations ---------------------------------------------------------

// Decl is a top-level declaration or statement.
type Decl interface {
	Node
	decl()
}

// ModuleDecl is "module NAME;".
type ModuleDecl struct {
	Span
	Name string
}

// ExportDecl is "export { decls }".
type ExportDecl struct {
	Span
	Decls []Decl
}

// VarKind is the storage class of a variable declaration.
type VarKind int

const (
	Global VarKind = iota
	Const
	Option
	Local
)

func (k VarKind) String() string {
	return [...]string{"global", "const", "option", "local"}[k]
}

// VarDecl is global/const/option (at top level) or local/const (in bodies).
type VarDecl struct {
	Span
	Kind  VarKind
	Name  string
	Type  TypeExpr // nil when inferred
	Init  Expr     // nil when absent
	Attrs []*Attr
}

// TypeDecl is "type NAME: T &attrs;".
type TypeDecl struct {
	Span
	Name  string
	Type  TypeExpr
	Attrs []*Attr
}

// RedefDecl is "redef NAME op EXPR &attrs;" with op one of = += -=.
type RedefDecl struct {
	Span
	Name  string
	Op    string
	Init  Expr
	Attrs []*Attr
}

// RedefRecordDecl is "redef record NAME += { fields } &attrs;".
type RedefRecordDecl struct {
	Span
	Name   string
	Fields []*Field
	Attrs  []*Attr
}

// RedefEnumDecl is "redef enum NAME += { names };".
type RedefEnumDecl struct {
	Span
	Name  string
	Names []*EnumName
}

// RedefFieldAttrDecl is "redef record NAME$field op &attrs;".
type RedefFieldAttrDecl struct {
	Span
	Record string
	Field  string
	Op     string // "+=" or "-="
	Attrs  []*Attr
}

// FuncDecl defines a function, or a handler of an event or hook.
// "redef event foo(...)" sets IsRedef.
type FuncDecl struct {
	Span
	Kind    FuncKind
	Name    string
	Params  []*Param
	Result  TypeExpr // functions only, nil for none
	Attrs   []*Attr
	Body    *BlockStmt
	IsRedef bool
}

// StmtDecl is a statement at top level (run once, before zeek_init).
type StmtDecl struct {
	Span
	Stmt Stmt
}

func (*ModuleDecl) decl()         {}
func (*ExportDecl) decl()         {}
func (*VarDecl) decl()            {}
func (*TypeDecl) decl()           {}
func (*RedefDecl) decl()          {}
func (*RedefRecordDecl) decl()    {}
func (*RedefEnumDecl) decl()      {}
func (*RedefFieldAttrDecl) decl() {}
func (*FuncDecl) decl()           {}
func (*StmtDecl) decl()           {}

// ---- statements -----------------------------------------------------------

// Stmt is a statement.
type Stmt interface {
	Node
	stmt()
}

// BlockStmt is { stmts }.
type BlockStmt struct {
	Span
	Stmts []Stmt
}

// ExprStmt is an expression used as a statement.
type ExprStmt struct {
	Span
	X Expr
}

// PrintStmt prints its arguments; when the first one is a file, to the file.
type PrintStmt struct {
	Span
	Args []Expr
}

// IfStmt is if (Cond) Then [else Else].
type IfStmt struct {
	Span
	Cond Expr
	Then Stmt
	Else Stmt // nil when absent
}

// WhileStmt is while (Cond) Body.
type WhileStmt struct {
	Span
	Cond Expr
	Body Stmt
}

// ForStmt covers every for form: for (k in x), for ([a,b] in t),
// for (k, v in t), for ([a,b], v in t).
type ForStmt struct {
	Span
	Keys    []*Ident // loop variables for the index
	Bracket bool     // keys written as [a, b]
	Value   *Ident   // nil unless the key-value form
	X       Expr
	Body    Stmt
}

// SwitchStmt is switch (X) { cases }.
type SwitchStmt struct {
	Span
	X     Expr
	Cases []*Case
}

// Case is one arm: values, type cases, or default.
type Case struct {
	Span
	Values    []Expr
	Types     []*TypeCase
	IsDefault bool
	Body      []Stmt
}

// TypeCase is "type T [as name]" inside a case.
type TypeCase struct {
	Span
	Type TypeExpr
	Name *Ident // nil without "as"
}

// AddStmt is add X (a set element).
type AddStmt struct {
	Span
	X Expr
}

// DeleteStmt is delete X (a table element or a record field).
type DeleteStmt struct {
	Span
	X Expr
}

// EventStmt is "event name(args);": queues an event.
type EventStmt struct {
	Span
	Call *CallExpr
}

// ReturnStmt is return [X]; "return when" is a WhenStmt with IsReturn.
type ReturnStmt struct {
	Span
	X Expr
}

// BreakStmt, NextStmt and FallthroughStmt are the jump statements.
type BreakStmt struct{ Span }
type NextStmt struct{ Span }
type FallthroughStmt struct{ Span }

// WhenStmt is [return] when [captures] (cond) body [timeout T body].
type WhenStmt struct {
	Span
	IsReturn    bool
	HasCaptures bool
	Captures    []*Capture
	Local       *Ident // "when ( local x = Cond )": the bound name
	Cond        Expr
	Body        Stmt
	Timeout     Expr // nil without a timeout clause
	TimeoutBody Stmt
}

// Capture is one entry of a capture list: [x] or [copy x].
type Capture struct {
	Span
	Name *Ident
	Copy bool
}

// LocalStmt declares a local (or const local) inside a body.
type LocalStmt struct {
	Span
	Decl *VarDecl
}

// AssertStmt is assert Cond [, Msg].
type AssertStmt struct {
	Span
	Cond Expr
	Msg  Expr
}

// EmptyStmt is a lone ";".
type EmptyStmt struct{ Span }

func (*BlockStmt) stmt()       {}
func (*ExprStmt) stmt()        {}
func (*PrintStmt) stmt()       {}
func (*IfStmt) stmt()          {}
func (*WhileStmt) stmt()       {}
func (*ForStmt) stmt()         {}
func (*SwitchStmt) stmt()      {}
func (*AddStmt) stmt()         {}
func (*DeleteStmt) stmt()      {}
func (*EventStmt) stmt()       {}
func (*ReturnStmt) stmt()      {}
func (*BreakStmt) stmt()       {}
func (*NextStmt) stmt()        {}
func (*FallthroughStmt) stmt() {}
func (*WhenStmt) stmt()        {}
func (*LocalStmt) stmt()       {}
func (*AssertStmt) stmt()      {}
func (*EmptyStmt) stmt()       {}

// ---- expressions ----------------------------------------------------------

// Expr is an expression.
type Expr interface {
	Node
	expr()
}

// Ident is a name, possibly qualified ("Intel::ADDR") or forced global ("::x").
type Ident struct {
	Span
	Name string
}

// LitKind is the kind of a literal constant.
type LitKind int

const (
	LitBool LitKind = iota
	LitCount
	LitDouble
	LitString
	LitPattern
	LitPort
	LitAddr
	LitSubnet
	LitInterval
)

func (k LitKind) String() string {
	return [...]string{"bool", "count", "double", "string", "pattern", "port", "addr", "subnet", "interval"}[k]
}

// BasicLit is a literal constant. Value is its text (decoded bytes for
// strings, the regex source for patterns). CaseInsensitive marks /re/i,
// SingleLine /re/s.
type BasicLit struct {
	Span
	Kind            LitKind
	Value           string
	CaseInsensitive bool
	SingleLine      bool // /re/s: '.' also matches a newline
}

// UnaryExpr is Op X for ! ~ - +.
type UnaryExpr struct {
	Span
	Op string
	X  Expr
}

// IncrExpr is ++X or --X (or X++ / X-- when Post).
type IncrExpr struct {
	Span
	Op   string // "++" or "--"
	X    Expr
	Post bool
}

// BinaryExpr is X Op Y for arithmetic, comparison, logic, bitwise, in, !in.
type BinaryExpr struct {
	Span
	Op   string
	X, Y Expr
}

// AssignExpr is LHS Op RHS with Op one of = += -=. A ListExpr on the left
// is either a multi-assignment "[a, b] = idx" or, inside table
// constructors, an index "[k1, k2] = v".
type AssignExpr struct {
	Span
	Op       string
	LHS, RHS Expr
}

// CondExpr is Cond ? Then : Else.
type CondExpr struct {
	Span
	Cond, Then, Else Expr
}

// IndexExpr is X[i1, i2...].
type IndexExpr struct {
	Span
	X     Expr
	Index []Expr
}

// SliceExpr is X[Lo:Hi]; either bound may be nil.
type SliceExpr struct {
	Span
	X      Expr
	Lo, Hi Expr
}

// FieldExpr is X$Name.
type FieldExpr struct {
	Span
	X    Expr
	Name string
}

// HasFieldExpr is X?$Name.
type HasFieldExpr struct {
	Span
	X    Expr
	Name string
}

// CallExpr is Fun(args). A call of a type name is a typed constructor.
type CallExpr struct {
	Span
	Fun  Expr
	Args []Expr
}

// FieldAssign is $Name=X inside record constructors.
type FieldAssign struct {
	Span
	Name string
	X    Expr
}

// ConstructorKind names the built-in constructors.
type ConstructorKind int

const (
	RecordCons ConstructorKind = iota
	SetCons
	TableCons
	VectorCons
)

func (k ConstructorKind) String() string {
	return [...]string{"record", "set", "table", "vector"}[k]
}

// ConstructorExpr is record(...), set(...), table(...) or vector(...)
// with optional attributes (table(...) &default=0).
type ConstructorExpr struct {
	Span
	Kind  ConstructorKind
	Args  []Expr
	Attrs []*Attr
}

// ListExpr is [e1, e2...]: a record constructor with $-fields, an index
// list, or the left side of a multi-assignment.
type ListExpr struct {
	Span
	Elems []Expr
}

// BraceExpr is { e1, e2... }: a set or table initializer.
type BraceExpr struct {
	Span
	Elems []Expr
}

// CastExpr is X as T.
type CastExpr struct {
	Span
	X    Expr
	Type TypeExpr
}

// IsExpr is X is T.
type IsExpr struct {
	Span
	X    Expr
	Type TypeExpr
}

// SizeExpr is |X|.
type SizeExpr struct {
	Span
	X Expr
}

// CopyExpr is copy(X).
type CopyExpr struct {
	Span
	X Expr
}

// LambdaExpr is an anonymous function or hook.
type LambdaExpr struct {
	Span
	Kind        FuncKind
	HasCaptures bool
	Captures    []*Capture
	Params      []*Param
	Result      TypeExpr
	Body        *BlockStmt
	// InferResult marks the record-constructor shorthand
	// "$name(params) = { body }", whose result type, when not written,
	// is inferred from the body's return statements (Zeek's
	// SetInferReturnType) rather than being "no result".
	InferResult bool
}

// HookExpr is "hook name(args)": runs the hook, true unless a handler broke.
type HookExpr struct {
	Span
	Call *CallExpr
}

// ScheduleExpr is schedule When { event(args) }.
type ScheduleExpr struct {
	Span
	When  Expr
	Event *CallExpr
}

func (*Ident) expr()           {}
func (*BasicLit) expr()        {}
func (*UnaryExpr) expr()       {}
func (*IncrExpr) expr()        {}
func (*BinaryExpr) expr()      {}
func (*AssignExpr) expr()      {}
func (*CondExpr) expr()        {}
func (*IndexExpr) expr()       {}
func (*SliceExpr) expr()       {}
func (*FieldExpr) expr()       {}
func (*HasFieldExpr) expr()    {}
func (*CallExpr) expr()        {}
func (*FieldAssign) expr()     {}
func (*ConstructorExpr) expr() {}
func (*ListExpr) expr()        {}
func (*BraceExpr) expr()       {}
func (*CastExpr) expr()        {}
func (*IsExpr) expr()          {}
func (*SizeExpr) expr()        {}
func (*CopyExpr) expr()        {}
func (*LambdaExpr) expr()      {}
func (*HookExpr) expr()        {}
func (*ScheduleExpr) expr()    {}
