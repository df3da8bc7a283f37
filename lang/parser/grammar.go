package parser

import (
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/gobro/gobro/lang/ast"
)

// The participle grammar for declarations, statements, types and
// attributes. Expressions are parsed by the precedence climber in expr.go
// (plugged in with participle.ParseTypeWith), which calls back into these
// productions for types and lambda bodies. These structs never leave the
// package: lower.go turns them into lang/ast nodes.

type declG struct {
	Pos    plex.Position
	Module *string    `parser:"  'module' @Ident ';'"`
	Export *exportG   `parser:"| @@"`
	Var    *varG      `parser:"| @@"`
	Type   *typeDeclG `parser:"| @@"`
	Func   *funcG     `parser:"| @@"`
	Redef  *redefG    `parser:"| @@"`
	Stmt   *stmtG     `parser:"| @@"`
	EndPos plex.Position
}

type exportG struct {
	Decls []*declG `parser:"'export' '{' @@* '}'"`
}

type varG struct {
	Pos    plex.Position
	Kind   string   `parser:"@('global' | 'const' | 'option')"`
	Name   nameNode `parser:"@@"`
	Type   *typeG   `parser:"( ':' @@ )?"`
	Init   ast.Expr `parser:"( '=' @@ )?"`
	Attrs  []*attrG `parser:"@@* ';'"`
	EndPos plex.Position
}

type typeDeclG struct {
	Name  nameNode `parser:"'type' @@ ':'"`
	Type  *typeG   `parser:"@@"`
	Attrs []*attrG `parser:"@@* ';'"`
}

type funcG struct {
	Redef  bool     `parser:"@'redef'?"`
	Kind   string   `parser:"@('function' | 'event' | 'hook')"`
	Name   nameNode `parser:"@@"`
	Params *paramsG `parser:"'(' @@ ')'"`
	Result *typeG   `parser:"( ':' @@ )?"`
	Attrs  []*attrG `parser:"@@*"`
	Body   *blockG  `parser:"@@"`
}

type redefG struct {
	Record *redefRecordG `parser:"'redef' ( @@"`
	Enum   *redefEnumG   `parser:"        | @@"`
	Var    *redefVarG    `parser:"        | @@ )"`
}

type redefRecordG struct {
	Name   nameNode  `parser:"'record' @@"`
	Field  *string   `parser:"( '$' @Ident"`
	FOp    string    `parser:"  @('+=' | '-=')"`
	FAttrs []*attrG  `parser:"  ( '{' @@+ '}' | @@+ ) ';'"`
	Fields []*fieldG `parser:"| '+=' '{' @@* '}'"`
	Attrs  []*attrG  `parser:"  @@* ';' )"`
}

type redefEnumG struct {
	Name  nameNode     `parser:"'enum' @@ '+=' '{'"`
	Names []*enumNameG `parser:"( @@ ( ',' @@ )* ','? )? '}' ';'?"`
}

type redefVarG struct {
	Name  nameNode `parser:"@@"`
	Op    string   `parser:"@('=' | '+=' | '-=')"`
	Init  ast.Expr `parser:"@@"`
	Attrs []*attrG `parser:"@@* ';'"`
}

// nameNode is an identifier where a declaration wants a name. It is parsed
// by parseName (expr.go) rather than matched as a token, so that a keyword
// standing where a name belongs is reported at that keyword.
type nameNode interface{ text() string }

type name string

func (n name) text() string { return string(n) }

// ---- types ----

type typeG struct {
	Pos    plex.Position
	Set    *setG      `parser:"  @@"`
	Table  *tableG    `parser:"| @@"`
	Vector *typeG     `parser:"| 'vector' 'of' @@"`
	Record *recordG   `parser:"| @@"`
	Enum   *enumG     `parser:"| @@"`
	Func   *funcTypeG `parser:"| @@"`
	Opaque *string    `parser:"| 'opaque' 'of' @Ident"`
	File   *typeG     `parser:"| 'file' 'of' @@"` // Bro's "file of T": T is not kept
	Name   *string    `parser:"| @(Ident | 'bool' | 'count' | 'int' | 'double' | 'string' | 'addr' | 'subnet' | 'port' | 'time' | 'interval' | 'pattern' | 'any' | 'file')"`
	EndPos plex.Position
}

type setG struct {
	Index []*typeG `parser:"'set' '[' @@ ( ',' @@ )* ']'"`
}

type tableG struct {
	Index []*typeG `parser:"'table' '[' @@ ( ',' @@ )* ']'"`
	Yield *typeG   `parser:"'of' @@"`
}

type recordG struct {
	Fields []*fieldG `parser:"'record' '{' @@* '}'"`
}

type fieldG struct {
	Pos    plex.Position
	Name   nameNode `parser:"@@ ':'"`
	Type   *typeG   `parser:"@@"`
	Attrs  []*attrG `parser:"@@* ';'"`
	EndPos plex.Position
}

type enumG struct {
	Names []*enumNameG `parser:"'enum' '{' ( @@ ( ',' @@ )* ','? )? '}'"`
}

type enumNameG struct {
	Pos    plex.Position
	Name   nameNode `parser:"@@"`
	Value  *string  `parser:"( '=' @Count )?"`
	Attrs  []*attrG `parser:"@@*"`
	EndPos plex.Position
}

type funcTypeG struct {
	Kind   string   `parser:"@('function' | 'event' | 'hook')"`
	Params *paramsG `parser:"'(' @@ ')'"`
	Result *typeG   `parser:"( ':' @@ )?"`
}

// paramsG is a parameter list. Zeek separates parameters by ',' or ';'
// and allows a trailing ';' (Bro-era scripts write "(a: count; b: string)").
type paramsG struct {
	List     []*paramG `parser:"( @@ ( ( ',' | ';' ) @@ )* ';'? )?"`
	Variadic bool      `parser:"( ','? @'...' )?"`
}

type paramG struct {
	Pos    plex.Position
	Name   nameNode `parser:"@@ ':'"`
	Type   *typeG   `parser:"@@"`
	Attrs  []*attrG `parser:"@@*"`
	EndPos plex.Position
}

type attrG struct {
	Pos    plex.Position
	Name   string   `parser:"@Attr"`
	Value  ast.Expr `parser:"( '=' @@ )?"`
	EndPos plex.Position
}

// ---- statements ----

type blockG struct {
	Pos    plex.Position
	Stmts  []*stmtG `parser:"'{' @@* '}'"`
	EndPos plex.Position
}

type stmtG struct {
	Pos         plex.Position
	Block       *blockG    `parser:"  @@"`
	If          *ifG       `parser:"| @@"`
	While       *whileG    `parser:"| @@"`
	For         *forG      `parser:"| @@"`
	Switch      *switchG   `parser:"| @@"`
	When        *whenG     `parser:"| @@"`
	Return      *returnG   `parser:"| @@"`
	Local       *localG    `parser:"| @@"`
	Print       []ast.Expr `parser:"| 'print' @@ ( ',' @@ )* ';'"`
	Add         ast.Expr   `parser:"| 'add' @@ ';'"`
	Delete      ast.Expr   `parser:"| 'delete' @@ ';'"`
	Event       ast.Expr   `parser:"| 'event' @@ ';'"`
	Assert      *assertG   `parser:"| @@"`
	Break       bool       `parser:"| @'break' ';'"`
	Next        bool       `parser:"| @'next' ';'"`
	Fallthrough bool       `parser:"| @'fallthrough' ';'"`
	Empty       bool       `parser:"| @';'"`
	Expr        ast.Expr   `parser:"| @@ ';'"`
	EndPos      plex.Position
}

type ifG struct {
	Cond ast.Expr `parser:"'if' '(' @@ ')'"`
	Then *stmtG   `parser:"@@"`
	Else *stmtG   `parser:"( 'else' @@ )?"`
}

type whileG struct {
	Cond ast.Expr `parser:"'while' '(' @@ ')'"`
	Body *stmtG   `parser:"@@"`
}

type forG struct {
	Bracket []*identG `parser:"'for' '(' ( '[' @@ ( ',' @@ )* ']'"`
	Key     *identG   `parser:"          | @@ )"`
	Value   *identG   `parser:"( ',' @@ )?"`
	X       ast.Expr  `parser:"'in' @@ ')'"`
	Body    *stmtG    `parser:"@@"`
}

type identG struct {
	Pos    plex.Position
	Name   nameNode `parser:"@@"`
	EndPos plex.Position
}

type switchG struct {
	X     ast.Expr `parser:"'switch' @@ '{'"`
	Cases []*caseG `parser:"@@* '}'"`
}

type caseG struct {
	Pos     plex.Position
	Types   []*typeCaseG `parser:"( 'case' ( @@ ( ',' @@ )*"`
	Values  []ast.Expr   `parser:"         | @@ ( ',' @@ )* )"`
	Default bool         `parser:"| @'default' ) ':'"`
	Body    []*stmtG     `parser:"@@*"`
	EndPos  plex.Position
}

type typeCaseG struct {
	Pos    plex.Position
	Type   *typeG  `parser:"'type' @@"`
	Name   *identG `parser:"( 'as' @@ )?"`
	EndPos plex.Position
}

type whenG struct {
	Captures    *capturesG `parser:"'when' @@?"`
	Local       *identG    `parser:"'(' ( 'local' @@ '=' )?"`
	Cond        ast.Expr   `parser:"@@ ')'"`
	Body        *stmtG     `parser:"@@"`
	Timeout     ast.Expr   `parser:"( 'timeout' @@"`
	TimeoutBody *blockG    `parser:"  @@ )?"`
}

type capturesG struct {
	List []*captureG `parser:"'[' ( @@ ( ',' @@ )* )? ']'"`
}

type captureG struct {
	Pos    plex.Position
	Copy   bool    `parser:"@'copy'?"`
	Name   *identG `parser:"@@"`
	EndPos plex.Position
}

type returnG struct {
	When *whenG   `parser:"'return' ( @@"`
	X    ast.Expr `parser:"| @@? ';' )"`
}

type localG struct {
	Pos    plex.Position
	Kind   string   `parser:"@('local' | 'const')"`
	Name   nameNode `parser:"@@"`
	Type   *typeG   `parser:"( ':' @@ )?"`
	Init   ast.Expr `parser:"( '=' @@ )?"`
	Attrs  []*attrG `parser:"@@* ';'"`
	EndPos plex.Position
}

type assertG struct {
	Cond ast.Expr `parser:"'assert' @@"`
	Msg  ast.Expr `parser:"( ',' @@ )? ';'"`
}
