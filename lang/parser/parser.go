// Package parser turns tokens into lang/ast declarations. Declarations,
// statements and types are a participle grammar (grammar.go); expressions
// are parsed by precedence climbing (expr.go). A file is read one top-level
// declaration at a time (Reader), because Zeek evaluates @if conditions and
// @load directives at the point they occur, seeing every declaration before
// them; the loader checks each declaration before the next is read.
package parser

import (
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/lexer"
	"github.com/gobro/gobro/lang/token"
)

// definition adapts our token kinds to participle; lexing itself is done by
// lang/lexer, and the parsers are only ever fed token slices.
type definition struct{}

func (definition) Symbols() map[string]plex.TokenType {
	m := map[string]plex.TokenType{}
	for name, k := range token.Names() {
		m[name] = plex.TokenType(k)
	}
	return m
}

func (definition) Lex(filename string, r io.Reader) (plex.Lexer, error) {
	var buf strings.Builder
	b := make([]byte, 32<<10)
	for {
		n, err := r.Read(b)
		buf.Write(b[:n])
		if err != nil {
			break
		}
	}
	return &sliceLexer{toks: lexer.All(filename, []byte(buf.String()), nil)}, nil
}

// sliceLexer replays already-lexed tokens.
type sliceLexer struct {
	toks []plex.Token
	i    int
}

func (s *sliceLexer) Next() (plex.Token, error) {
	if s.i >= len(s.toks) {
		return s.toks[len(s.toks)-1], nil
	}
	t := s.toks[s.i]
	s.i++
	return t, nil
}

func build[G any]() *participle.Parser[G] {
	return participle.MustBuild[G](
		participle.Lexer(definition{}),
		participle.ParseTypeWith(parseExprFrom),
		participle.ParseTypeWith(parseName),
		participle.UseLookahead(6),
	)
}

var (
	declParser    *participle.Parser[declG]
	typeParser    *participle.Parser[typeG]
	blockParser   *participle.Parser[blockG]
	paramsParser  *participle.Parser[paramsG]
	captureParser *participle.Parser[capturesG]
	funcParser    *participle.Parser[funcTypeG]
)

func init() {
	declParser = build[declG]()
	typeParser = build[typeG]()
	blockParser = build[blockG]()
	paramsParser = build[paramsG]()
	captureParser = build[capturesG]()
	funcParser = build[funcTypeG]()
}

// Directive is an @-directive other than the conditionals (which the lexer
// evaluates): @load, @load-sigs, @load-plugin, @unload, @prefixes,
// @deprecated.
type Directive struct {
	Pos  token.Pos
	Name string // "@load"
	Arg  string // the rest of the line
}

// Reader reads a file one top-level declaration at a time.
type Reader struct {
	// Known tells whether a name is declared; with it, a top-level
	// statement that fails to parse and starts with an undeclared name is
	// reported as Zeek does, as the unknown identifier.
	Known func(name string) bool
	// Failed is set once a declaration of this file had a syntax error.
	Failed bool
	// Cache, when set, supplies and keeps parsed declarations.
	Cache *Cache

	lx      *lexer.Lexer
	diags   *diag.List
	file    string
	pending []Directive
	peeked  *plex.Token
	eof     bool
}

// Lexer returns the lexer the reader reads from.
func (r *Reader) Lexer() *lexer.Lexer { return r.lx }

// NewReader reads declarations from lx, reporting syntax errors to diags.
func NewReader(file string, lx *lexer.Lexer, diags *diag.List) *Reader {
	return &Reader{lx: lx, diags: diags, file: file}
}

func (r *Reader) nextTok() plex.Token {
	if r.peeked != nil {
		t := *r.peeked
		r.peeked = nil
		return t
	}
	t, _ := r.lx.Next()
	return t
}

func (r *Reader) peekTok() plex.Token {
	if r.peeked == nil {
		t, _ := r.lx.Next()
		r.peeked = &t
	}
	return *r.peeked
}

// Next returns the next declaration or directive; ok is false at the end
// of the file. A declaration with a syntax error is reported and skipped.
func (r *Reader) Next() (decl ast.Decl, dir *Directive, ok bool) {
	for {
		if len(r.pending) > 0 {
			d := r.pending[0]
			r.pending = r.pending[1:]
			return nil, &d, true
		}
		if r.eof {
			return nil, nil, false
		}
		before := len(r.diags.Items)
		toks := r.chunk()
		if len(toks) == 0 {
			continue
		}
		// A lexical error already explains a broken declaration: do not
		// add a syntax error on top of it.
		lexErrors := len(r.diags.Items) > before
		if d := r.parse(toks, lexErrors); d != nil {
			return d, nil, true
		}
	}
}

// chunk collects the tokens of one top-level declaration: up to a ';' or a
// closing '}' at depth zero (continuing into "else", "timeout",
// attributes, or an operator).
func (r *Reader) chunk() []plex.Token {
	var toks []plex.Token
	depth := 0
	for {
		t := r.nextTok()
		if t.EOF() {
			r.eof = true
			if len(toks) > 0 {
				if depth > 0 {
					r.unclosed(append(toks, t))
					return nil
				}
				toks = append(toks, t)
			}
			return toks
		}
		if token.Kind(t.Type) == token.Directive {
			r.pending = append(r.pending, directive(t))
			if len(toks) == 0 {
				return nil
			}
			continue
		}
		// Inside "export { ... }" declarations sit at depth one.
		exportBody := depth == 1 && len(toks) > 0 && toks[0].Value == "export" && token.Kind(toks[0].Type) == token.Keyword
		if depth > 0 && !exportBody && startsTopLevel(t) {
			// A declaration keyword inside an unclosed bracket: the
			// previous declaration is broken; report it and resume here.
			r.peeked = &t
			r.unclosed(append(toks, plex.Token{Type: plex.EOF, Pos: t.Pos}))
			return nil
		}
		toks = append(toks, t)
		switch t.Value {
		case "{", "(", "[":
			if token.Kind(t.Type) == token.Punct {
				depth++
			}
			continue
		case ")", "]":
			if token.Kind(t.Type) == token.Punct && depth > 0 {
				depth--
			}
			continue
		case ";":
			if depth == 0 {
				return r.finish(toks)
			}
			continue
		case "}":
			if token.Kind(t.Type) != token.Punct {
				continue
			}
			if depth > 0 {
				depth--
			}
			if depth == 0 && (!continuesAfterBrace(r.peekTok()) || bodyThenSemicolon(toks, r.peekTok())) {
				return r.finish(toks)
			}
		}
	}
}

// unclosed reports a declaration cut off by the end of the file: at the
// first syntax error inside it if there is one, else "at end of file".
func (r *Reader) unclosed(toks []plex.Token) {
	r.Failed = true
	_, d := parseTokens(declParser, toks, r.file, lowerDecl)
	if d == nil || d.Pos.Offset >= toks[len(toks)-1].Pos.Offset && r.eof {
		d = &diag.Diagnostic{Severity: diag.Error, Msg: "syntax error, at end of file " + r.file}
	}
	r.diags.Add(d)
}

func (r *Reader) finish(toks []plex.Token) []plex.Token {
	last := toks[len(toks)-1]
	end := last.Pos
	end.Offset += len(last.Value)
	end.Column += len(last.Value)
	return append(toks, plex.Token{Type: plex.EOF, Pos: end})
}

// startsTopLevel tells whether t can only begin a top-level declaration.
func startsTopLevel(t plex.Token) bool {
	if token.Kind(t.Type) != token.Keyword {
		return false
	}
	switch t.Value {
	case "global", "module", "export", "redef", "option":
		return true
	}
	return false
}

// bodyThenSemicolon reports a ';' after the closing brace of a function,
// event or hook body or of a block statement: unlike the ';' ending a
// record type or a table initialiser, it is not part of the declaration
// but an empty statement of its own, which Zeek accepts (Zeek also adds
// one after -e code, so -e 'event zeek_init() { ... }' must parse).
func bodyThenSemicolon(toks []plex.Token, next plex.Token) bool {
	if next.Value != ";" || token.Kind(next.Type) != token.Punct || len(toks) == 0 {
		return false
	}
	first := toks[0]
	if first.Value == "redef" && len(toks) > 1 {
		first = toks[1]
	}
	switch first.Value {
	case "function", "event", "hook", "if", "for", "while", "when", "switch", "{":
		return true
	}
	return false
}

func continuesAfterBrace(t plex.Token) bool {
	switch token.Kind(t.Type) {
	case token.Attr:
		return true
	case token.Keyword:
		switch t.Value {
		case "else", "timeout", "in", "!in", "as", "is":
			return true
		}
	case token.Punct:
		switch t.Value {
		case "{", "}", "[", "(", "++", "--", "!", "~", "$":
			return false
		}
		return true
	}
	return false
}

func directive(t plex.Token) Directive {
	name, arg, _ := strings.Cut(t.Value, " ")
	return Directive{Pos: lexer.Pos(t.Pos), Name: name, Arg: arg}
}

// parseMu serialises parsing: the expression parser records the furthest
// token it reached in a package variable (participle gives custom parse
// functions no context to keep it in).
var (
	parseMu   sync.Mutex
	furthest  plex.Token
	chunkToks []plex.Token // tokens of the declaration being parsed, for spans
)

// parseTokens runs a participle parser over toks and lowers the result,
// turning syntax errors into diagnostics at the furthest point any
// production reached.
func parseTokens[G, R any](p *participle.Parser[G], toks []plex.Token, file string, lower func(*G) R) (r R, d *diag.Diagnostic) {
	parseMu.Lock()
	defer parseMu.Unlock()
	furthest = plex.Token{}
	chunkToks = toks
	defer func() { chunkToks = nil }()
	defer func() {
		if r := recover(); r != nil {
			e, ok := r.(exprError)
			if !ok {
				panic(r)
			}
			d = syntaxError(e.err, file)
		}
	}()
	pl, err := plex.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		return r, syntaxError(err, file)
	}
	g, err := p.ParseFromLexer(pl)
	if err != nil {
		ue, ok := err.(*participle.UnexpectedTokenError)
		if ok && furthest.Pos.Filename != "" && furthest.Pos.Offset > ue.Unexpected.Pos.Offset {
			return r, syntaxError(&participle.UnexpectedTokenError{Unexpected: furthest}, file)
		}
		d := syntaxError(err, file)
		if ok {
			if want := expected(ue.Message()); want != "" {
				d.Notes = append(d.Notes, "expected "+want)
			}
		}
		return r, d
	}
	return lower(g), nil
}

func (r *Reader) parse(toks []plex.Token, lexErrors bool) ast.Decl {
	var key cacheKey
	if r.Cache != nil && !lexErrors {
		key = cacheKey{r.file, hashTokens(toks)}
		if d, ok := r.Cache.get(key); ok {
			return d
		}
	}
	decl, d := parseTokens(declParser, toks, r.file, lowerDecl)
	if d == nil {
		if lexErrors {
			r.Failed = true
			return nil
		}
		if r.Cache != nil {
			r.Cache.put(key, decl)
		}
		return decl
	}
	r.Failed = true
	if lexErrors {
		return nil
	}
	if first := toks[0]; token.Kind(first.Type) == token.Ident && r.Known != nil && !r.Known(first.Value) &&
		first.Value != "T" && first.Value != "F" {
		d = &diag.Diagnostic{Severity: diag.Error, Pos: lexer.Pos(first.Pos),
			Msg: fmt.Sprintf("unknown identifier %s, at or near %q", first.Value, first.Value)}
	}
	r.diags.Add(d)
	return nil
}

// syntaxError turns a participle error into Zeek's wording.
func syntaxError(err error, file string) *diag.Diagnostic {
	d := &diag.Diagnostic{Severity: diag.Error, Msg: "syntax error"}
	var tok *plex.Token
	switch e := err.(type) {
	case *participle.UnexpectedTokenError:
		tok = &e.Unexpected
	case participle.Error:
		d.Pos = lexer.Pos(e.Position())
		d.Msg = "syntax error, " + e.Message()
		return d
	default:
		d.Msg = "syntax error, " + err.Error()
		d.Pos = token.Pos{File: file}
		return d
	}
	d.Pos = lexer.Pos(tok.Pos)
	if tok.EOF() {
		d.Msg = fmt.Sprintf("syntax error, at or near %q", "end of declaration")
	} else {
		d.Msg = fmt.Sprintf("syntax error, at or near %q", tok.Value)
	}
	return d
}

// expected extracts the token participle wanted from its message
// ("unexpected token \"x\" (expected \")\" StmtG ...)" gives "\")\""), but
// only a separator or closing bracket: those are what a user forgot. A
// wanted "}" or keyword mostly means the statement itself is wrong
// ("else" without "if"), where naming it would mislead.
func expected(msg string) string {
	_, rest, ok := strings.Cut(msg, "(expected ")
	if !ok {
		return ""
	}
	for _, want := range []string{`";"`, `")"`, `"]"`, `":"`} {
		if strings.HasPrefix(rest, want) {
			return want
		}
	}
	return ""
}

// ParseFile parses a whole file without directive handling (conditionals
// are all false, directives are dropped); for tools and tests.
func ParseFile(filename string, src []byte, diags *diag.List) []ast.Decl {
	r := NewReader(filename, lexer.New(filename, src, diags, nil), diags)
	var out []ast.Decl
	for {
		d, _, ok := r.Next()
		if !ok {
			return out
		}
		if d != nil {
			out = append(out, d)
		}
	}
}

// ParseFuncType parses a built-in's signature such as
// "function(msg: string): bool"; name is used in positions.
func ParseFuncType(name, sig string) (*ast.FuncType, error) {
	d := &diag.List{}
	toks := lexer.All("<builtin "+name+">", []byte(sig), d)
	if d.HasErrors() {
		return nil, d.Items[0]
	}
	ft, e := parseTokens(funcParser, toks, name, func(g *funcTypeG) *ast.FuncType { return lowerFuncType(ast.Span{}, g) })
	if e != nil {
		return nil, e
	}
	return ft, nil
}

// ParseExpr parses one expression from tokens (an @if condition).
func ParseExpr(toks []plex.Token, end token.Pos) (ast.Expr, error) {
	toks = append(toks[:len(toks):len(toks)], plex.Token{Type: plex.EOF, Pos: plex.Position{Filename: end.File, Line: end.Line, Column: end.Col, Offset: end.Offset}})
	pl, err := plex.Upgrade(&sliceLexer{toks: toks})
	if err != nil {
		return nil, err
	}
	p := &exprParser{lex: pl}
	if !p.startsExpr(p.peek()) {
		return nil, syntaxError(p.unexpected(), end.File)
	}
	x, err := p.expr(precAssign)
	if err != nil {
		return nil, syntaxError(err, end.File)
	}
	if !pl.Peek().EOF() {
		return nil, syntaxError(p.unexpected(), end.File)
	}
	return x, nil
}
