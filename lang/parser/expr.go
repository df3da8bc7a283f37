package parser

import (
	"strings"

	"github.com/alecthomas/participle/v2"
	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/lexer"
	"github.com/gobro/gobro/lang/token"
)

// Expressions are parsed by precedence climbing: Zeek has sixteen levels,
// and a participle struct per level would be both slow and unreadable.
// Levels, lowest first (zeek-surface.md §1.6):
//
//	= += -=        right
//	?:             right
//	||  &&
//	< > <= >= == !=
//	in !in
//	|  ^  &  << >>  + -  * / %
//	unary ! ~ - + ++ --, hook
//	postfix $ ?$ [] () as is
const (
	precAssign = iota + 1
	precCond
	precOr
	precAnd
	precCompare
	precIn
	precBitOr
	precBitXor
	precBitAnd
	precShift
	precAdd
	precMul
)

var binaryPrec = map[string]int{
	"=": precAssign, "+=": precAssign, "-=": precAssign,
	"?":  precCond,
	"||": precOr, "&&": precAnd,
	"<": precCompare, ">": precCompare, "<=": precCompare, ">=": precCompare, "==": precCompare, "!=": precCompare,
	"in": precIn, "!in": precIn,
	"|": precBitOr, "^": precBitXor, "&": precBitAnd,
	"<<": precShift, ">>": precShift,
	"+": precAdd, "-": precAdd,
	"*": precMul, "/": precMul, "%": precMul,
}

// exprParser parses one expression from participle's token stream.
type exprParser struct {
	lex  *plex.PeekingLexer
	last plex.Token // last token consumed, for end positions
}

// parseExprFrom is registered with participle.ParseTypeWith for ast.Expr.
//
// An expression that fails after consuming tokens is a definite syntax
// error; it is raised as a panic that Reader.parse recovers, because
// participle would otherwise backtrack and report an earlier, less useful
// position. A token that cannot start an expression is "no match" (so
// optional expressions work), and is remembered as the furthest point
// reached, which is where the error is reported if the declaration fails.
func parseExprFrom(lex *plex.PeekingLexer) (ast.Expr, error) {
	p := &exprParser{lex: lex}
	t := p.peek()
	if t.Pos.Offset > furthest.Pos.Offset || furthest.Pos.Filename == "" {
		furthest = *t
	}
	if !p.startsExpr(t) {
		return nil, participle.NextMatch
	}
	if isOp(t, "function") && !p.secondIs("(", "[") {
		return nil, participle.NextMatch // a function declaration, not a lambda
	}
	x, err := p.expr(precAssign)
	if err != nil {
		panic(exprError{err})
	}
	// The token after an expression is where a missing ';' or ')' shows.
	if t := p.peek(); t.Pos.Offset > furthest.Pos.Offset {
		furthest = *t
	}
	return x, nil
}

// parseName reads an identifier for a declaration.
func parseName(lex *plex.PeekingLexer) (nameNode, error) {
	t := lex.Peek()
	if kind(t) == token.Ident {
		lex.Next()
		return name(t.Value), nil
	}
	if t.Pos.Offset > furthest.Pos.Offset || furthest.Pos.Filename == "" {
		furthest = *t
	}
	return nil, participle.NextMatch
}

// exprError carries a definite expression syntax error up to Reader.parse.
type exprError struct{ err error }

func (p *exprParser) peek() *plex.Token { return p.lex.Peek() }

// secondIs tells whether the token after the next one is one of ops.
func (p *exprParser) secondIs(ops ...string) bool {
	cp := p.lex.MakeCheckpoint()
	defer p.lex.LoadCheckpoint(cp)
	p.lex.Next()
	for _, op := range ops {
		if isOp(p.lex.Peek(), op) {
			return true
		}
	}
	return false
}

func (p *exprParser) next() *plex.Token {
	t := p.lex.Next()
	p.last = *t
	return t
}

func kind(t *plex.Token) token.Kind { return token.Kind(t.Type) }

func isOp(t *plex.Token, s string) bool {
	k := kind(t)
	return (k == token.Punct || k == token.Keyword) && t.Value == s
}

func (p *exprParser) unexpected() error {
	return &participle.UnexpectedTokenError{Unexpected: *p.peek()}
}

func (p *exprParser) expect(s string) error {
	if !isOp(p.peek(), s) {
		return &participle.UnexpectedTokenError{Unexpected: *p.peek(), Expect: s}
	}
	p.next()
	return nil
}

func (p *exprParser) span(start plex.Position) ast.Span {
	return ast.Span{Start: lexer.Pos(start), End: lexer.Pos(p.last.Pos)}
}

// startsExpr tells whether t can begin an expression.
func (p *exprParser) startsExpr(t *plex.Token) bool {
	switch kind(t) {
	case token.Ident, token.Count, token.Double, token.String, token.Pattern,
		token.Port, token.Addr, token.Subnet, token.Interval:
		return true
	case token.Keyword:
		switch t.Value {
		case "copy", "set", "table", "vector", "record", "function", "hook", "schedule":
			return true
		}
	case token.Punct:
		switch t.Value {
		case "(", "[", "{", "!", "~", "-", "+", "++", "--", "|":
			return true
		}
	}
	return false
}

func (p *exprParser) expr(minPrec int) (ast.Expr, error) {
	start := p.peek().Pos
	x, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		t := p.peek()
		k := kind(t)
		if k != token.Punct && k != token.Keyword {
			return x, nil
		}
		prec, ok := binaryPrec[t.Value]
		if !ok || prec < minPrec {
			return x, nil
		}
		op := t.Value
		p.next()
		switch {
		case op == "?":
			then, err := p.expr(precCond)
			if err != nil {
				return nil, err
			}
			if err := p.expect(":"); err != nil {
				return nil, err
			}
			els, err := p.expr(precCond)
			if err != nil {
				return nil, err
			}
			x = &ast.CondExpr{Span: p.span(start), Cond: x, Then: then, Else: els}
		case prec == precAssign:
			rhs, err := p.expr(precAssign)
			if err != nil {
				return nil, err
			}
			x = &ast.AssignExpr{Span: p.span(start), Op: op, LHS: x, RHS: rhs}
		default:
			y, err := p.expr(prec + 1)
			if err != nil {
				return nil, err
			}
			x = &ast.BinaryExpr{Span: p.span(start), Op: op, X: x, Y: y}
		}
	}
}

func (p *exprParser) unary() (ast.Expr, error) {
	t := p.peek()
	start := t.Pos
	if kind(t) == token.Punct {
		switch t.Value {
		case "!", "~", "-", "+":
			p.next()
			x, err := p.unary()
			if err != nil {
				return nil, err
			}
			return &ast.UnaryExpr{Span: p.span(start), Op: t.Value, X: x}, nil
		case "++", "--":
			op := t.Value
			p.next()
			x, err := p.unary()
			if err != nil {
				return nil, err
			}
			return &ast.IncrExpr{Span: p.span(start), Op: op, X: x}, nil
		}
	}
	if isOp(t, "hook") && kind(t) == token.Keyword {
		p.next()
		x, err := p.unary()
		if err != nil {
			return nil, err
		}
		call, ok := x.(*ast.CallExpr)
		if !ok {
			return nil, &participle.UnexpectedTokenError{Unexpected: p.last, Expect: "hook call"}
		}
		return &ast.HookExpr{Span: p.span(start), Call: call}, nil
	}
	x, err := p.primary()
	if err != nil {
		return nil, err
	}
	return p.postfix(x, start)
}

func (p *exprParser) postfix(x ast.Expr, start plex.Position) (ast.Expr, error) {
	for {
		t := p.peek()
		switch {
		case isOp(t, "("):
			p.next()
			args, err := p.list(")")
			if err != nil {
				return nil, err
			}
			x = &ast.CallExpr{Span: p.span(start), Fun: x, Args: args}
		case isOp(t, "["):
			p.next()
			var err error
			if x, err = p.index(x, start); err != nil {
				return nil, err
			}
		case isOp(t, "$") || isOp(t, "?$"):
			p.next()
			name := p.peek()
			if kind(name) != token.Ident {
				return nil, p.unexpected()
			}
			p.next()
			if t.Value == "$" {
				x = &ast.FieldExpr{Span: p.span(start), X: x, Name: name.Value}
			} else {
				x = &ast.HasFieldExpr{Span: p.span(start), X: x, Name: name.Value}
			}
		case isOp(t, "as") || isOp(t, "is"):
			p.next()
			typ, err := p.typ()
			if err != nil {
				return nil, err
			}
			if t.Value == "as" {
				x = &ast.CastExpr{Span: p.span(start), X: x, Type: typ}
			} else {
				x = &ast.IsExpr{Span: p.span(start), X: x, Type: typ}
			}
		default:
			return x, nil
		}
	}
}

// index parses the rest of X[...]: an index list or a slice.
func (p *exprParser) index(x ast.Expr, start plex.Position) (ast.Expr, error) {
	var lo ast.Expr
	if !isOp(p.peek(), ":") {
		first, err := p.expr(precAssign)
		if err != nil {
			return nil, err
		}
		if !isOp(p.peek(), ":") {
			idx := []ast.Expr{first}
			for isOp(p.peek(), ",") {
				p.next()
				e, err := p.expr(precAssign)
				if err != nil {
					return nil, err
				}
				idx = append(idx, e)
			}
			if err := p.expect("]"); err != nil {
				return nil, err
			}
			return &ast.IndexExpr{Span: p.span(start), X: x, Index: idx}, nil
		}
		lo = first
	}
	p.next() // ':'
	var hi ast.Expr
	if !isOp(p.peek(), "]") {
		var err error
		if hi, err = p.expr(precAssign); err != nil {
			return nil, err
		}
	}
	if err := p.expect("]"); err != nil {
		return nil, err
	}
	return &ast.SliceExpr{Span: p.span(start), X: x, Lo: lo, Hi: hi}, nil
}

// list parses comma-separated expressions up to the closing token.
func (p *exprParser) list(close string) ([]ast.Expr, error) {
	var out []ast.Expr
	if isOp(p.peek(), close) {
		p.next()
		return out, nil
	}
	for {
		e, err := p.element()
		if err != nil {
			return nil, err
		}
		out = append(out, e)
		if isOp(p.peek(), ",") {
			p.next()
			if isOp(p.peek(), close) { // trailing comma
				p.next()
				return out, nil
			}
			continue
		}
		if err := p.expect(close); err != nil {
			return nil, err
		}
		return out, nil
	}
}

// element parses one list element: an expression or, as only lists
// allow, a field assignment "$name = expr" of a record constructor.
func (p *exprParser) element() (ast.Expr, error) {
	t := p.peek()
	if !isOp(t, "$") {
		return p.expr(precAssign)
	}
	start := t.Pos
	p.next()
	name := p.peek()
	if kind(name) != token.Ident {
		return nil, p.unexpected()
	}
	p.next()
	if isOp(p.peek(), "(") {
		l, err := p.fieldLambda()
		if err != nil {
			return nil, err
		}
		return &ast.FieldAssign{Span: p.span(start), Name: name.Value, X: l}, nil
	}
	if err := p.expect("="); err != nil {
		return nil, err
	}
	x, err := p.expr(precCond)
	if err != nil {
		return nil, err
	}
	return &ast.FieldAssign{Span: p.span(start), Name: name.Value, X: x}, nil
}

// fieldLambda parses the rest of the record-constructor shorthand
// "$name(params): result = { body }" (the result is optional and then
// inferred), from the '(' on, as an anonymous function.
func (p *exprParser) fieldLambda() (*ast.LambdaExpr, error) {
	l := &ast.LambdaExpr{Kind: ast.Function}
	if err := p.funcRest(l, p.peek().Pos, "="); err != nil {
		return nil, err
	}
	l.InferResult = l.Result == nil
	return l, nil
}

var litKinds = map[token.Kind]ast.LitKind{
	token.Count: ast.LitCount, token.Double: ast.LitDouble, token.String: ast.LitString,
	token.Pattern: ast.LitPattern, token.Port: ast.LitPort, token.Addr: ast.LitAddr,
	token.Subnet: ast.LitSubnet, token.Interval: ast.LitInterval,
}

func (p *exprParser) primary() (ast.Expr, error) {
	t := p.peek()
	start := t.Pos
	k := kind(t)
	if lk, ok := litKinds[k]; ok {
		p.next()
		return p.literal(lk, t)
	}
	switch k {
	case token.Ident:
		p.next()
		if t.Value == "T" || t.Value == "F" {
			return &ast.BasicLit{Span: p.span(start), Kind: ast.LitBool, Value: t.Value}, nil
		}
		return &ast.Ident{Span: p.span(start), Name: t.Value}, nil
	case token.Keyword:
		switch t.Value {
		case "copy":
			p.next()
			if err := p.expect("("); err != nil {
				return nil, err
			}
			x, err := p.expr(precAssign)
			if err != nil {
				return nil, err
			}
			if err := p.expect(")"); err != nil {
				return nil, err
			}
			return &ast.CopyExpr{Span: p.span(start), X: x}, nil
		case "set", "table", "vector", "record":
			return p.constructor()
		case "function":
			return p.lambda()
		case "schedule":
			return p.schedule()
		}
	case token.Punct:
		switch t.Value {
		case "(":
			p.next()
			x, err := p.expr(precAssign)
			if err != nil {
				return nil, err
			}
			if err := p.expect(")"); err != nil {
				return nil, err
			}
			return x, nil
		case "[":
			p.next()
			elems, err := p.list("]")
			if err != nil {
				return nil, err
			}
			return &ast.ListExpr{Span: p.span(start), Elems: elems}, nil
		case "{":
			p.next()
			elems, err := p.list("}")
			if err != nil {
				return nil, err
			}
			return &ast.BraceExpr{Span: p.span(start), Elems: elems}, nil
		case "|":
			p.next()
			x, err := p.expr(precBitOr + 1)
			if err != nil {
				return nil, err
			}
			if err := p.expect("|"); err != nil {
				return nil, err
			}
			return &ast.SizeExpr{Span: p.span(start), X: x}, nil
		}
	}
	return nil, p.unexpected()
}

func (p *exprParser) literal(lk ast.LitKind, t *plex.Token) (ast.Expr, error) {
	lit := &ast.BasicLit{Span: p.span(t.Pos), Kind: lk, Value: t.Value}
	switch lk {
	case ast.LitString:
		s, err := unquote(t.Value)
		if err != nil {
			return nil, &participle.ParseError{Msg: err.Error(), Pos: t.Pos}
		}
		lit.Value = s
	case ast.LitPattern:
		v := t.Value
		// flags after the closing '/': i and s, in either order
		for len(v) >= 2 && v[len(v)-1] != '/' {
			switch v[len(v)-1] {
			case 'i':
				lit.CaseInsensitive = true
			case 's':
				lit.SingleLine = true
			}
			v = v[:len(v)-1]
		}
		if len(v) >= 2 && v[0] == '/' && v[len(v)-1] == '/' {
			v = v[1 : len(v)-1]
		}
		lit.Value = v
	case ast.LitAddr, ast.LitSubnet:
		// The scanner accepts "[0x..::..]" and blanks around a
		// subnet's '/'; the value is the plain address form.
		v := strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' {
				return -1
			}
			return r
		}, t.Value)
		if strings.HasPrefix(v, "[0x") || strings.HasPrefix(v, "[0X") {
			v = "[" + v[3:]
		}
		lit.Value = v
	}
	return lit, nil
}

func (p *exprParser) constructor() (ast.Expr, error) {
	t := p.next()
	start := t.Pos
	kinds := map[string]ast.ConstructorKind{"record": ast.RecordCons, "set": ast.SetCons, "table": ast.TableCons, "vector": ast.VectorCons}
	if err := p.expect("("); err != nil {
		return nil, err
	}
	args, err := p.list(")")
	if err != nil {
		return nil, err
	}
	c := &ast.ConstructorExpr{Kind: kinds[t.Value], Args: args}
	for kind(p.peek()) == token.Attr {
		a, err := p.attr()
		if err != nil {
			return nil, err
		}
		c.Attrs = append(c.Attrs, a)
	}
	c.Span = p.span(start)
	return c, nil
}

func (p *exprParser) attr() (*ast.Attr, error) {
	t := p.next()
	a := &ast.Attr{Name: t.Value[1:]}
	if isOp(p.peek(), "=") {
		p.next()
		v, err := p.expr(precCond)
		if err != nil {
			return nil, err
		}
		a.Value = v
	}
	a.Span = p.span(t.Pos)
	return a, nil
}

func (p *exprParser) schedule() (ast.Expr, error) {
	start := p.next().Pos
	when, err := p.expr(precAssign)
	if err != nil {
		return nil, err
	}
	if err := p.expect("{"); err != nil {
		return nil, err
	}
	x, err := p.expr(precAssign)
	if err != nil {
		return nil, err
	}
	call, ok := x.(*ast.CallExpr)
	if !ok {
		return nil, &participle.UnexpectedTokenError{Unexpected: p.last, Expect: "event call"}
	}
	if err := p.expect("}"); err != nil {
		return nil, err
	}
	return &ast.ScheduleExpr{Span: p.span(start), When: when, Event: call}, nil
}

// lambda parses "function [captures] (params): result { body }" using the
// participle productions for the signature and the body.
func (p *exprParser) lambda() (ast.Expr, error) {
	start := p.next().Pos
	l := &ast.LambdaExpr{Kind: ast.Function}
	if isOp(p.peek(), "[") {
		caps, err := captureParser.ParseFromLexer(p.lex, participle.AllowTrailing(true))
		if err != nil {
			return nil, err
		}
		l.HasCaptures = true
		l.Captures = lowerCaptures(caps)
	}
	if err := p.funcRest(l, start, ""); err != nil {
		return nil, err
	}
	return l, nil
}

// funcRest completes l from "(params) [: result]", then sep when there is
// one (the field shorthand's "="), then the body.
func (p *exprParser) funcRest(l *ast.LambdaExpr, start plex.Position, sep string) error {
	if err := p.expect("("); err != nil {
		return err
	}
	params, err := paramsParser.ParseFromLexer(p.lex, participle.AllowTrailing(true))
	if err != nil {
		return err
	}
	l.Params = lowerParams(params.List)
	if err := p.expect(")"); err != nil {
		return err
	}
	if isOp(p.peek(), ":") {
		p.next()
		if l.Result, err = p.typ(); err != nil {
			return err
		}
	}
	if sep != "" {
		if err := p.expect(sep); err != nil {
			return err
		}
	}
	body, err := blockParser.ParseFromLexer(p.lex, participle.AllowTrailing(true))
	if err != nil {
		return err
	}
	p.last = *p.lastConsumed(body.EndPos)
	l.Body = lowerBlock(body)
	l.Span = p.span(start)
	return nil
}

func (p *exprParser) typ() (ast.TypeExpr, error) {
	g, err := typeParser.ParseFromLexer(p.lex, participle.AllowTrailing(true))
	if err != nil {
		return nil, err
	}
	p.last = *p.lastConsumed(g.EndPos)
	return lowerType(g), nil
}

// lastConsumed approximates the last token of a sub-production from its
// end position, which participle records as the next token's start.
func (p *exprParser) lastConsumed(end plex.Position) *plex.Token {
	return &plex.Token{Pos: end}
}
