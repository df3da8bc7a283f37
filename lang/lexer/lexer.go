// Package lexer turns script text into tokens. It is hand-written for speed
// and because Zeek's lexical rules depend on context: a '/' starts a pattern
// or divides depending on the token before it, numbers grow into addresses,
// subnets, ports and intervals, and @-directives are handled here, with
// @if/@else/@endif evaluated at the moment they are read (as Zeek does) by a
// hook the loader supplies.
package lexer

import (
	"fmt"
	"net/netip"
	"path/filepath"
	"strings"

	plex "github.com/alecthomas/participle/v2/lexer"

	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/token"
)

// Token is participle's token type; its Type is a token.Kind and its Value
// the exact source text (literals are decoded by the parser).
type Token = plex.Token

// Hooks lets the loader take part in lexing.
type Hooks interface {
	// Cond evaluates the condition of @if (kind "if"), @ifdef or @ifndef;
	// toks are the tokens between the parentheses.
	Cond(kind string, pos token.Pos, toks []Token) bool
}

// Lexer reads one file.
type Lexer struct {
	file  string
	src   []byte
	off   int
	line  int
	col   int
	diags *diag.List
	hooks Hooks

	// @pragma push/pop ignore-deprecations regions
	ignoreDepth int
	ignoreStart int
	ignored     [][2]int

	prev     token.Kind // kind of the previous significant token
	prevText string
	conds    []condState // open @if blocks
	quiet    int         // >0 while skipping a false @if branch
}

type condState struct {
	pos      token.Pos
	taking   bool // the current branch is being read
	anyTaken bool // some branch was taken (so @else is skipped)
	dead     bool // inside a skipped region: no branch is ever taken
	sawElse  bool
}

// New returns a lexer over src. diags receives lexical errors; hooks may be
// nil, in which case every @if condition is false.
func New(file string, src []byte, diags *diag.List, hooks Hooks) *Lexer {
	if diags == nil {
		diags = &diag.List{}
	}
	return &Lexer{file: file, src: src, line: 1, col: 1, diags: diags, hooks: hooks, prev: token.Punct, prevText: ";"}
}

// All lexes the whole input, for tools and tests.
func All(file string, src []byte, diags *diag.List) []Token {
	l := New(file, src, diags, nil)
	var out []Token
	for {
		t, _ := l.Next()
		out = append(out, t)
		if t.EOF() {
			return out
		}
	}
}

func (l *Lexer) pos() token.Pos {
	return token.Pos{File: l.file, Offset: l.off, Line: l.line, Col: l.col}
}

func ppos(p token.Pos) plex.Position {
	return plex.Position{Filename: p.File, Offset: p.Offset, Line: p.Line, Column: p.Col}
}

// Pos converts a participle position back to ours.
func Pos(p plex.Position) token.Pos {
	return token.Pos{File: p.Filename, Offset: p.Offset, Line: p.Line, Col: p.Column}
}

func (l *Lexer) errorf(p token.Pos, format string, args ...any) {
	if l.quiet > 0 {
		return
	}
	l.diags.Errorf(p, format, args...)
}

// advance moves over n bytes, tracking lines and columns.
func (l *Lexer) advance(n int) {
	for i := 0; i < n && l.off < len(l.src); i++ {
		if l.src[l.off] == '\n' {
			l.line++
			l.col = 1
		} else {
			l.col++
		}
		l.off++
	}
}

func (l *Lexer) peekByte(i int) byte {
	if l.off+i < len(l.src) {
		return l.src[l.off+i]
	}
	return 0
}

func isIdentStart(c byte) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}
func isIdentChar(c byte) bool { return isIdentStart(c) || isDigit(c) }
func isDigit(c byte) bool     { return c >= '0' && c <= '9' }
func isHex(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')
}

// Next returns the next significant token (comments and white space are
// skipped; false @if branches are skipped).
func (l *Lexer) Next() (Token, error) {
	for {
		t, directive := l.scan()
		if directive != "" && l.handleCondDirective(directive, t) {
			continue
		}
		if t.EOF() {
			l.closeConds()
			return t, nil
		}
		if l.quiet > 0 {
			continue
		}
		if t.Type == plex.TokenType(token.Directive) {
			if v, ok := l.expandConstDirective(t); ok {
				t = v
			} else if strings.HasPrefix(t.Value, "@pragma") {
				l.pragma(t)
				continue
			} else if strings.HasPrefix(t.Value, "@DEBUG") {
				continue
			}
		}
		l.prev = token.Kind(t.Type)
		l.prevText = t.Value
		return t, nil
	}
}

// pragma handles "@pragma push ignore-deprecations" and its pop (or the
// start-/end-ignore-deprecations spelling); other pragmas are accepted and
// ignored, as they change nothing we check.
func (l *Lexer) pragma(t Token) {
	f := strings.Fields(strings.TrimPrefix(t.Value, "@pragma"))
	switch strings.Join(f, " ") {
	case "push ignore-deprecations", "start-ignore-deprecations":
		if l.ignoreDepth == 0 {
			l.ignoreStart = t.Pos.Offset
		}
		l.ignoreDepth++
	case "pop ignore-deprecations", "end-ignore-deprecations":
		if l.ignoreDepth > 0 {
			l.ignoreDepth--
			if l.ignoreDepth == 0 {
				l.ignored = append(l.ignored, [2]int{l.ignoreStart, t.Pos.Offset})
			}
		}
	}
}

// IgnoredDeprecations returns the byte ranges where deprecation warnings
// are silenced by @pragma push ignore-deprecations.
func (l *Lexer) IgnoredDeprecations() [][2]int {
	if l.ignoreDepth > 0 {
		return append(l.ignored, [2]int{l.ignoreStart, len(l.src)})
	}
	return l.ignored
}

func (l *Lexer) closeConds() {
	for _, c := range l.conds {
		l.diags.Errorf(c.pos, "unterminated @if (missing @endif)")
	}
	l.conds = nil
	l.quiet = 0
}

// expandConstDirective turns @DIR and @FILENAME into string literals.
func (l *Lexer) expandConstDirective(t Token) (Token, bool) {
	var s string
	switch t.Value {
	case "@DIR":
		dir, err := filepath.Abs(filepath.Dir(l.file))
		if err != nil {
			dir = filepath.Dir(l.file)
		}
		s = dir
	case "@FILENAME":
		s = filepath.Base(l.file)
	default:
		return t, false
	}
	return Token{Type: plex.TokenType(token.String), Value: quote(s), Pos: t.Pos}, true
}

// quote renders s as a string literal our parser decodes back to s.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, "\\x%02x", c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// handleCondDirective runs @if/@ifdef/@ifndef/@else/@endif. It reports
// whether the directive was one of them (and so is consumed here).
func (l *Lexer) handleCondDirective(name string, t Token) bool {
	p := Pos(t.Pos)
	switch name {
	case "@if", "@ifdef", "@ifndef":
		skipping := l.quiet > 0
		toks := l.condTokens(p, skipping)
		c := condState{pos: p, dead: skipping}
		if !skipping && l.hooks != nil {
			c.taking = l.hooks.Cond(strings.TrimPrefix(name, "@"), p, toks)
			c.anyTaken = c.taking
		}
		l.conds = append(l.conds, c)
	case "@else":
		if len(l.conds) == 0 {
			l.errorf(p, "@else without @if")
			return true
		}
		c := &l.conds[len(l.conds)-1]
		if c.sawElse {
			l.errorf(p, "@else after @else")
		}
		c.sawElse = true
		if !c.dead {
			c.taking = !c.anyTaken
			c.anyTaken = true
		}
	case "@endif":
		if len(l.conds) == 0 {
			l.errorf(p, "@endif without @if")
			return true
		}
		l.conds = l.conds[:len(l.conds)-1]
	default:
		return false
	}
	l.quiet = 0
	for _, c := range l.conds {
		if !c.taking {
			l.quiet++
		}
	}
	return true
}

// condTokens reads "( ... )" after @if and returns the tokens inside.
func (l *Lexer) condTokens(p token.Pos, skipping bool) []Token {
	var toks []Token
	t, _ := l.scan()
	if t.Value != "(" {
		if !skipping {
			l.errorf(Pos(t.Pos), "syntax error, at or near %q", t.Value)
		}
		return nil
	}
	l.prev, l.prevText = token.Punct, "("
	depth := 1
	for {
		t, _ := l.scan()
		if t.EOF() {
			if !skipping {
				l.errorf(p, "syntax error, unterminated @if condition")
			}
			return toks
		}
		l.prev, l.prevText = token.Kind(t.Type), t.Value
		switch t.Value {
		case "(":
			depth++
		case ")":
			depth--
			if depth == 0 {
				return toks
			}
		}
		toks = append(toks, t)
	}
}

func (l *Lexer) tok(k token.Kind, start token.Pos) Token {
	return Token{Type: plex.TokenType(k), Value: string(l.src[start.Offset:l.off]), Pos: ppos(start)}
}

// scan reads one raw token. For @-directives it also returns the directive
// name.
func (l *Lexer) scan() (Token, string) {
	l.skipSpace()
	start := l.pos()
	if l.off >= len(l.src) {
		return Token{Type: plex.EOF, Pos: ppos(start)}, ""
	}
	c := l.src[l.off]
	switch {
	case isIdentStart(c) || (c == ':' && l.peekByte(1) == ':' && isIdentStart(l.peekByte(2))):
		return l.scanIdent(start), ""
	case isDigit(c) || (c == '.' && isDigit(l.peekByte(1))):
		return l.scanNumber(start), ""
	case c == '"':
		return l.scanString(start), ""
	case c == '/' && l.patternAllowed():
		return l.scanPattern(start), ""
	case c == '[':
		if t, ok := l.scanIPv6(start); ok {
			return t, ""
		}
	case c == '@':
		return l.scanDirective(start)
	}
	return l.scanPunct(start), ""
}

func (l *Lexer) skipSpace() {
	for l.off < len(l.src) {
		c := l.src[l.off]
		switch c {
		case ' ', '\t', '\n', '\r', '\f', '\v':
			l.advance(1)
		case '#':
			for l.off < len(l.src) && l.src[l.off] != '\n' {
				l.off++
				l.col++
			}
		default:
			return
		}
	}
}

// patternAllowed decides '/' as the start of a pattern: only where an
// operand may begin, i.e. not after something that ends an operand.
func (l *Lexer) patternAllowed() bool {
	switch l.prev {
	case token.Ident, token.Count, token.Double, token.String, token.Pattern,
		token.Port, token.Addr, token.Subnet, token.Interval:
		return false
	case token.Punct:
		return l.prevText != ")" && l.prevText != "]"
	}
	return true
}

func (l *Lexer) scanIdent(start token.Pos) Token {
	if l.src[l.off] == ':' {
		l.advance(2)
	}
	for {
		for l.off < len(l.src) && isIdentChar(l.src[l.off]) {
			l.advance(1)
		}
		if l.peekByte(0) == ':' && l.peekByte(1) == ':' && isIdentStart(l.peekByte(2)) {
			l.advance(2)
			continue
		}
		break
	}
	text := string(l.src[start.Offset:l.off])
	// Bro 2.x host-name literals (www.example.com) are gone from Zeek.
	if l.peekByte(0) == '.' && isIdentStart(l.peekByte(1)) && !strings.Contains(text, "::") {
		for l.peekByte(0) == '.' && isIdentChar(l.peekByte(1)) {
			l.advance(1)
			for l.off < len(l.src) && (isIdentChar(l.src[l.off]) || l.src[l.off] == '-') {
				l.advance(1)
			}
		}
		name := string(l.src[start.Offset:l.off])
		l.errorf(start, "host name literals are not supported, use lookup_hostname(\"%s\") (%s)", name, name)
		// a string stands in for it so that no second error follows
		return Token{Type: plex.TokenType(token.String), Value: quote(name), Pos: ppos(start)}
	}
	if token.Keywords[text] {
		return Token{Type: plex.TokenType(token.Keyword), Value: text, Pos: ppos(start)}
	}
	return Token{Type: plex.TokenType(token.Ident), Value: text, Pos: ppos(start)}
}

var intervalUnits = []string{"usec", "msec", "sec", "min", "hr", "day"}

func (l *Lexer) scanNumber(start token.Pos) Token {
	src := l.src
	// hexadecimal count
	if src[l.off] == '0' && (l.peekByte(1) == 'x' || l.peekByte(1) == 'X') && isHex(l.peekByte(2)) {
		l.advance(2)
		for l.off < len(src) && isHex(src[l.off]) {
			l.advance(1)
		}
		return l.tok(token.Count, start)
	}
	// dotted quad: address or subnet
	if n := dottedQuadLen(src[l.off:]); n > 0 {
		l.advance(n)
		if l.scanPrefixLen() {
			return l.tok(token.Subnet, start)
		}
		return l.tok(token.Addr, start)
	}
	kind := token.Count
	for l.off < len(src) && isDigit(src[l.off]) {
		l.advance(1)
	}
	if l.peekByte(0) == '.' && (isDigit(l.peekByte(1)) || !isIdentStart(l.peekByte(1)) || exponentAt(src[l.off+1:])) {
		kind = token.Double
		l.advance(1)
		for l.off < len(src) && isDigit(src[l.off]) {
			l.advance(1)
		}
	}
	if exponentAt(src[l.off:]) {
		kind = token.Double
		l.advance(2)
		for l.off < len(src) && isDigit(src[l.off]) {
			l.advance(1)
		}
	}
	// port: 80/tcp
	if kind == token.Count && l.peekByte(0) == '/' {
		for _, proto := range []string{"tcp", "udp", "icmp", "unknown"} {
			end := l.off + 1 + len(proto)
			if end <= len(src) && string(src[l.off+1:end]) == proto && (end == len(src) || !isIdentChar(src[end])) {
				l.advance(1 + len(proto))
				return l.tok(token.Port, start)
			}
		}
	}
	// interval: number, optional blanks, unit, optional plural s
	i := l.off
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	for _, u := range intervalUnits {
		end := i + len(u)
		if end <= len(src) && string(src[i:end]) == u {
			if end < len(src) && src[end] == 's' {
				end++
			}
			if end == len(src) || !isIdentChar(src[end]) {
				l.advance(end - l.off)
				return l.tok(token.Interval, start)
			}
		}
	}
	if l.peekByte(0) == '.' && isIdentStart(l.peekByte(1)) {
		// "1.foo": not a number we know
		l.errorf(start, "syntax error, at or near %q", string(src[start.Offset:l.off+1]))
	}
	return l.tok(kind, start)
}

// exponentAt tells whether b starts with a float exponent: e5, E-3, e+7.
func exponentAt(b []byte) bool {
	if len(b) < 2 || (b[0] != 'e' && b[0] != 'E') {
		return false
	}
	if b[1] == '+' || b[1] == '-' {
		return len(b) > 2 && isDigit(b[2])
	}
	return isDigit(b[1])
}

// dottedQuadLen returns the length of an IPv4 address at the start of b,
// or 0.
func dottedQuadLen(b []byte) int {
	i := 0
	for part := 0; part < 4; part++ {
		if part > 0 {
			if i >= len(b) || b[i] != '.' {
				return 0
			}
			i++
		}
		n := 0
		for i < len(b) && isDigit(b[i]) && n < 3 {
			i++
			n++
		}
		if n == 0 {
			return 0
		}
	}
	if i < len(b) && (isDigit(b[i]) || b[i] == '.' && i+1 < len(b) && isDigit(b[i+1])) {
		return 0
	}
	if i < len(b) && isIdentStart(b[i]) {
		return 0
	}
	return i
}

// scanIPv6 reads "[v6addr]" or "[v6addr]/n" when the brackets hold a valid
// IPv6 address; otherwise it leaves '[' to be a punctuation token.
func (l *Lexer) scanIPv6(start token.Pos) (Token, bool) {
	src := l.src
	i := l.off + 1
	// Zeek's scanner allows a "0x" before the first group: [0xaaaa::bbbb].
	hexPrefix := i+1 < len(src) && src[i] == '0' && (src[i+1] == 'x' || src[i+1] == 'X')
	if hexPrefix {
		i += 2
	}
	first := i
	colons := 0
	for i < len(src) && (isHex(src[i]) || src[i] == ':' || src[i] == '.') {
		if src[i] == ':' {
			colons++
		}
		i++
	}
	if i >= len(src) || src[i] != ']' || colons < 2 {
		return Token{}, false
	}
	a, err := netip.ParseAddr(string(src[first:i]))
	if err != nil || !a.Is6() {
		return Token{}, false
	}
	if hexPrefix && !strings.Contains(string(src[first:i]), "::") {
		return Token{}, false // the 0x form needs a "::"
	}
	l.advance(i + 1 - l.off)
	if l.scanPrefixLen() {
		return l.tok(token.Subnet, start), true
	}
	return l.tok(token.Addr, start), true
}

// scanPrefixLen reads the "/n" that makes an address literal a subnet.
// Zeek's scanner allows blanks around the '/' ("10.0.0.0 / 8"), so the
// token text may hold them; the parser drops them.
func (l *Lexer) scanPrefixLen() bool {
	src := l.src
	i := l.off
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || src[i] != '/' {
		return false
	}
	i++
	for i < len(src) && (src[i] == ' ' || src[i] == '\t') {
		i++
	}
	if i >= len(src) || !isDigit(src[i]) {
		return false
	}
	for i < len(src) && isDigit(src[i]) {
		i++
	}
	l.advance(i - l.off)
	return true
}

func (l *Lexer) scanString(start token.Pos) Token {
	return l.scanDelimited(start, '"', token.String, "string")
}

func (l *Lexer) scanPattern(start token.Pos) Token {
	return l.scanDelimited(start, '/', token.Pattern, "pattern")
}

// scanDelimited reads a string or pattern literal up to its closing
// delimiter; a backslash escapes the next byte. Neither may span lines.
// Strings may not hold a raw NUL; patterns may carry the /i flag.
func (l *Lexer) scanDelimited(start token.Pos, delim byte, kind token.Kind, what string) Token {
	l.advance(1)
	for l.off < len(l.src) {
		switch c := l.src[l.off]; {
		case c == delim:
			l.advance(1)
			if kind == token.Pattern {
				l.advance(patternFlagsLen(l.src[l.off:]))
			}
			return l.tok(kind, start)
		case c == '\\':
			l.advance(2)
			continue
		case c == '\n':
			l.errorf(start, "unterminated %s literal", what)
			return l.tok(kind, start)
		case c == 0 && kind == token.String && l.quiet == 0:
			l.diags.Add(&diag.Diagnostic{Severity: diag.Fatal, Pos: start,
				Msg: "strings cannot contain NUL bytes - use a \\x00 escape sequence instead"})
		}
		l.advance(1)
	}
	l.errorf(start, "unterminated %s literal", what)
	return l.tok(kind, start)
}

// patternFlagsLen returns the length of the flags after a pattern's
// closing '/': 'i' (case-insensitive) and 's' (single-line), each at most
// once, in either order; 0 unless they end the word.
func patternFlagsLen(b []byte) int {
	n := 0
	seen := [2]bool{}
	for n < len(b) && n < 2 {
		switch {
		case b[n] == 'i' && !seen[0]:
			seen[0] = true
		case b[n] == 's' && !seen[1]:
			seen[1] = true
		default:
			goto done
		}
		n++
	}
done:
	if n < len(b) && isIdentChar(b[n]) {
		return 0
	}
	return n
}

// scanDirective reads an @-directive. Directives with an argument carry it
// in the token text after one space: "@load base/utils/site".
func (l *Lexer) scanDirective(start token.Pos) (Token, string) {
	l.advance(1)
	for l.off < len(l.src) && (isIdentChar(l.src[l.off]) || l.src[l.off] == '-') {
		l.advance(1)
	}
	name := string(l.src[start.Offset:l.off])
	switch name {
	case "@if", "@ifdef", "@ifndef", "@else", "@endif":
		return l.tok(token.Directive, start), name
	case "@DIR", "@FILENAME", "@DEBUG":
		return l.tok(token.Directive, start), ""
	case "@load", "@load-sigs", "@load-plugin", "@unload", "@prefixes", "@deprecated", "@pragma":
		// the argument is the rest of the line, without a trailing comment
		argStart := l.off
		for l.off < len(l.src) && l.src[l.off] != '\n' {
			l.off++
			l.col++
		}
		arg := string(l.src[argStart:l.off])
		if name != "@deprecated" {
			if i := strings.IndexByte(arg, '#'); i >= 0 {
				arg = arg[:i]
			}
		}
		arg = strings.TrimSpace(arg)
		return Token{Type: plex.TokenType(token.Directive), Value: name + " " + arg, Pos: ppos(start)}, ""
	}
	l.errorf(start, "unknown directive %s", name)
	return l.tok(token.Directive, start), ""
}

var puncts3 = []string{"..."}
var puncts2 = []string{"++", "--", "+=", "-=", "==", "!=", "<=", ">=", "&&", "||", "<<", ">>", "?$"}

func (l *Lexer) scanPunct(start token.Pos) Token {
	rest := l.src[l.off:]
	for _, p := range puncts3 {
		if len(rest) >= 3 && string(rest[:3]) == p {
			l.advance(3)
			return l.tok(token.Punct, start)
		}
	}
	// attributes: "&name" for a known name
	if rest[0] == '&' && len(rest) > 1 && isIdentStart(rest[1]) {
		n := 1
		for n < len(rest) && isIdentChar(rest[n]) {
			n++
		}
		if token.Attributes[string(rest[1:n])] {
			l.advance(n)
			return l.tok(token.Attr, start)
		}
	}
	// "!in" is one token, also written with blanks ("! in"), as Zeek's
	// scanner allows; its text is then normalised to "!in".
	if rest[0] == '!' {
		n := 1
		for n < len(rest) && (rest[n] == ' ' || rest[n] == '\t') {
			n++
		}
		if len(rest) >= n+2 && string(rest[n:n+2]) == "in" && (len(rest) == n+2 || !isIdentChar(rest[n+2])) {
			l.advance(n + 2)
			return Token{Type: plex.TokenType(token.Keyword), Value: "!in", Pos: ppos(start)}
		}
	}
	for _, p := range puncts2 {
		if len(rest) >= 2 && string(rest[:2]) == p {
			l.advance(2)
			return l.tok(token.Punct, start)
		}
	}
	switch rest[0] {
	case '!', '~', '-', '+', '*', '/', '%', '&', '|', '^', '$', '?', ':', ',', ';',
		'(', ')', '[', ']', '{', '}', '=', '<', '>':
		l.advance(1)
		return l.tok(token.Punct, start)
	}
	l.advance(1)
	l.errorf(start, "unrecognized character - %s", printable(rest[0]))
	return l.Next1()
}

// Next1 continues after an unrecognized character.
func (l *Lexer) Next1() Token {
	t, _ := l.scan()
	return t
}

func printable(c byte) string {
	if c >= 0x20 && c < 0x7f {
		return string(c)
	}
	return fmt.Sprintf("\\x%02x", c)
}
