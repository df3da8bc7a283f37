package value

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Pattern is a compiled-on-demand Zeek pattern. It is immutable: `p += q`
// and `p1 | p2` make new patterns.
//
// Two texts are kept: the text Zeek stores and prints (`/^?(a)$?/`), which
// also identifies the pattern for equality and hashing, and the source
// translated to Go's RE2 syntax. The regexps are compiled on first use and
// cached; patterns are used by the script thread only.
//
// Zeek matches bytes, Go matches UTF-8 text. Pattern bytes >= 0x80 are
// translated to the code points U+0080..U+00FF, and a subject holding such
// bytes is widened the same way (each byte one code point) before
// matching, so `.` and classes always consume exactly one byte.
type Pattern struct {
	text string // Zeek's stored text
	re   string // Go syntax, unanchored

	exact, anywhere *regexp.Regexp
	// prefix is set for a pattern holding a start anchor: Zeek's
	// searching built-ins try the pattern at each position in turn, so
	// `^` holds wherever a match is tried, not only at the text's start.
	prefix *regexp.Regexp
	err    error
}

// NewPattern makes the pattern of a literal /src/ (with /i, /s flags).
// src is the text between the slashes, as the lexer keeps it. The error
// reports flex syntax Go cannot express; regexp errors are reported by
// Compile.
func NewPattern(src string, caseInsensitive, singleLine bool) (*Pattern, error) {
	re, err := translatePattern(src)
	if err != nil {
		return nil, err
	}
	p := &Pattern{text: "^?(" + src + ")$?", re: re}
	if singleLine {
		p.text = "(?s:" + p.text + ")"
		p.re = "(?s:" + p.re + ")"
	}
	if caseInsensitive {
		p.text = "(?i:" + p.text + ")"
		p.re = "(?i:" + p.re + ")"
	}
	return p, nil
}

// MustPattern is NewPattern for known-good sources (tests, built-in constants).
func MustPattern(src string, caseInsensitive, singleLine bool) *Pattern {
	p, err := NewPattern(src, caseInsensitive, singleLine)
	if err == nil {
		err = p.Compile()
	}
	if err != nil {
		panic(err)
	}
	return p
}

// Text is the stored text, printed between slashes.
func (p *Pattern) Text() string { return p.text }

// GoSyntax is the translated, unanchored Go regexp.
func (p *Pattern) GoSyntax() string { return p.re }

// Or is p1 | p2.
func Or(p, q *Pattern) *Pattern {
	return &Pattern{
		text: "^?((" + p.text + ")|(" + q.text + "))$?",
		re:   "(?:" + p.re + ")|(?:" + q.re + ")",
	}
}

// And is p1 & p2 (concatenation).
func And(p, q *Pattern) *Pattern {
	return &Pattern{
		text: "^?((" + p.text + ")(" + q.text + "))$?",
		re:   "(?:" + p.re + ")(?:" + q.re + ")",
	}
}

// AddAlt is the value of p after `p += q`: the added pattern comes first.
func AddAlt(p, q *Pattern) *Pattern {
	return &Pattern{
		text: "(^?(" + q.text + ")$?)|(^?(" + p.text + ")$?)",
		re:   "(?:" + q.re + ")|(?:" + p.re + ")",
	}
}

// Compile compiles the pattern now (it otherwise happens on first match)
// and returns the error, if any.
func (p *Pattern) Compile() error {
	if p.exact != nil || p.err != nil {
		return p.err
	}
	p.exact, p.err = regexp.Compile(`^(?:` + p.re + `)$`)
	if p.err == nil {
		p.anywhere, p.err = regexp.Compile(p.re)
	}
	if p.err == nil && hasStartAnchor(p.re) {
		p.prefix, p.err = regexp.Compile(`^(?:` + p.re + `)`)
	}
	if p.err == nil {
		// Zeek's matcher prefers the longest match at the leftmost position.
		p.anywhere.Longest()
		if p.prefix != nil {
			p.prefix.Longest()
		}
	} else {
		p.exact, p.anywhere, p.prefix = nil, nil, nil
	}
	return p.err
}

// hasStartAnchor reports whether the Go regexp re holds a `^`.
func hasStartAnchor(re string) bool {
	t, err := syntax.Parse(re, syntax.Perl)
	if err != nil {
		return false
	}
	var walk func(t *syntax.Regexp) bool
	walk = func(t *syntax.Regexp) bool {
		if t.Op == syntax.OpBeginText || t.Op == syntax.OpBeginLine {
			return true
		}
		return slices.ContainsFunc(t.Sub, walk)
	}
	return walk(t)
}

// MatchExact is `p == s`: the whole of s matches.
func (p *Pattern) MatchExact(s string) bool {
	if p.Compile() != nil {
		return false
	}
	return p.exact.MatchString(widen(s))
}

// MatchAnywhere is `p in s`: some part of s matches.
func (p *Pattern) MatchAnywhere(s string) bool {
	if p.Compile() != nil {
		return false
	}
	return p.anywhere.MatchString(widen(s))
}

// MatchAnywhereBytes is MatchAnywhere on bytes (packet payload), without
// a copy to a string unless a byte >= 0x80 needs widening.
func (p *Pattern) MatchAnywhereBytes(b []byte) bool {
	if p.Compile() != nil {
		return false
	}
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return p.anywhere.MatchString(widen(string(b)))
		}
	}
	return p.anywhere.Match(b)
}

// FindAllIndex returns the byte offsets of successive leftmost-longest
// matches in s (n < 0: all), for the splitting and searching built-ins.
// A pattern with `^` is tried at each position as Zeek's built-ins do,
// its anchor holding there.
func (p *Pattern) FindAllIndex(s string, n int) [][]int {
	if p.Compile() != nil {
		return nil
	}
	w := widen(s)
	var m [][]int
	if p.prefix != nil {
		m = p.findEachPosition(w, n)
	} else {
		m = p.anywhere.FindAllStringIndex(w, n)
	}
	if len(w) != len(s) {
		for _, loc := range m {
			loc[0], loc[1] = narrowOffset(w, loc[0]), narrowOffset(w, loc[1])
		}
	}
	return m
}

// FirstAnywhere returns the byte offsets of the first non-empty match in
// s as `p in s` finds it (a `^` holds only at the start of s), or nil.
func (p *Pattern) FirstAnywhere(s string) []int {
	if p.Compile() != nil {
		return nil
	}
	w := widen(s)
	for _, loc := range p.anywhere.FindAllStringIndex(w, -1) {
		if loc[1] > loc[0] {
			if len(w) != len(s) {
				loc[0], loc[1] = narrowOffset(w, loc[0]), narrowOffset(w, loc[1])
			}
			return loc
		}
	}
	return nil
}

// findEachPosition is FindAllIndex for an anchored pattern: the longest
// non-empty match starting at each position, in turn, resuming after it.
func (p *Pattern) findEachPosition(w string, n int) [][]int {
	var out [][]int
	for i := 0; i < len(w) && (n < 0 || len(out) < n); {
		if loc := p.prefix.FindStringIndex(w[i:]); loc != nil && loc[1] > 0 {
			out = append(out, []int{i, i + loc[1]})
			i += loc[1]
			continue
		}
		_, size := utf8.DecodeRuneInString(w[i:])
		i += size
	}
	return out
}

// widen maps each byte >= 0x80 to the code point of the same value.
func widen(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		b.WriteRune(rune(s[i]))
	}
	return b.String()
}

// narrowOffset maps an offset in a widened string back to the original.
func narrowOffset(w string, off int) int {
	n := 0
	for i := 0; i < off; n++ {
		if w[i] < utf8.RuneSelf {
			i++
		} else {
			i += 2
		}
	}
	return n
}

// ---- flex → RE2 ----

// translatePattern rewrites Zeek's flex-style syntax as Go syntax:
// "quoted strings" become literal groups, escapes are decoded to bytes (\b is a
// backspace, \123 octal, \x41 hex), bytes outside printable ASCII become
// \x{HH}, classes keep [:digit:]-style names (Go has the same ones), and
// {n,m}, (?i:...) and the operators pass through. Perl classes \d \s \w
// are accepted as Go reads them.
func translatePattern(src string) (string, error) {
	var b strings.Builder
	for i := 0; i < len(src); {
		c := src[i]
		switch c {
		case '"':
			// A quoted string is one unit: "ab"+ repeats the whole string.
			b.WriteString("(?:")
			j := i + 1
			for j < len(src) && src[j] != '"' {
				if src[j] == '\\' && j+1 < len(src) {
					var r byte
					var n int
					r, n = decodeEscape(src[j+1:])
					writeLiteral(&b, r)
					j += 1 + n
					continue
				}
				writeLiteral(&b, src[j])
				j++
			}
			if j >= len(src) {
				return "", fmt.Errorf("unterminated quoted string in pattern")
			}
			b.WriteByte(')')
			i = j + 1
		case '\\':
			if i+1 >= len(src) {
				return "", fmt.Errorf("pattern ends with a backslash")
			}
			if strings.IndexByte("dDsSwW", src[i+1]) >= 0 {
				b.WriteString(src[i : i+2])
				i += 2
				continue
			}
			r, n := decodeEscape(src[i+1:])
			writeLiteral(&b, r)
			i += 1 + n
		case '[':
			n, err := translateClass(&b, src[i:])
			if err != nil {
				return "", err
			}
			i += n
		case '{':
			j := strings.IndexByte(src[i:], '}')
			if j > 0 && isRepeat(src[i+1:i+j]) {
				b.WriteString(src[i : i+j+1])
				i += j + 1
				continue
			}
			writeLiteral(&b, c)
			i++
		case '(', ')', '|', '*', '+', '?', '.', '^', '$':
			b.WriteByte(c)
			i++
		default:
			writeLiteral(&b, c)
			i++
		}
	}
	return b.String(), nil
}

func isRepeat(s string) bool {
	lo, hi, comma := s, "", false
	if k := strings.IndexByte(s, ','); k >= 0 {
		lo, hi, comma = s[:k], s[k+1:], true
	}
	digits := func(x string) bool {
		for i := 0; i < len(x); i++ {
			if x[i] < '0' || x[i] > '9' {
				return false
			}
		}
		return true
	}
	return lo != "" && digits(lo) && digits(hi) && (comma || hi == "")
}

// decodeEscape decodes the escape after a backslash: the byte and the
// number of source bytes used.
func decodeEscape(s string) (byte, int) {
	switch c := s[0]; c {
	case 'n':
		return '\n', 1
	case 't':
		return '\t', 1
	case 'r':
		return '\r', 1
	case 'f':
		return '\f', 1
	case 'v':
		return '\v', 1
	case 'a':
		return '\a', 1
	case 'b':
		return '\b', 1
	case 'x':
		n := 1
		for n < 3 && n < len(s) && isHex(s[n]) {
			n++
		}
		if n == 1 {
			return 'x', 1
		}
		v, _ := strconv.ParseUint(s[1:n], 16, 8)
		return byte(v), n
	default:
		if c >= '0' && c <= '7' {
			n := 1
			for n < 3 && n < len(s) && s[n] >= '0' && s[n] <= '7' {
				n++
			}
			v, _ := strconv.ParseUint(s[:n], 8, 16)
			return byte(v), n
		}
		return c, 1
	}
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// writeLiteral writes byte c as a Go regexp literal.
func writeLiteral(b *strings.Builder, c byte) {
	switch {
	case c < 0x20 || c >= 0x7f:
		fmt.Fprintf(b, `\x{%02x}`, c)
	case strings.IndexByte(`\.+*?()|[]{}^$-/"#&~`, c) >= 0:
		b.WriteByte('\\')
		b.WriteByte(c)
	default:
		b.WriteByte(c)
	}
}

// translateClass translates the bracket expression at the start of s and
// returns the number of source bytes it spans.
func translateClass(b *strings.Builder, s string) (int, error) {
	b.WriteByte('[')
	i := 1
	if i < len(s) && s[i] == '^' {
		b.WriteByte('^')
		i++
	}
	first := true
	for i < len(s) {
		c := s[i]
		switch {
		case c == ']' && !first:
			b.WriteByte(']')
			return i + 1, nil
		case c == '[' && strings.HasPrefix(s[i:], "[:"):
			j := strings.Index(s[i:], ":]")
			if j < 0 {
				return 0, fmt.Errorf("bad character class in pattern")
			}
			b.WriteString(s[i : i+j+2])
			i += j + 2
		case c == '\\' && i+1 < len(s):
			r, n := decodeEscape(s[i+1:])
			writeLiteral(b, r)
			i += 1 + n
		case c == '-' && !first && i+1 < len(s) && s[i+1] != ']':
			b.WriteByte('-')
			i++
		default:
			writeLiteral(b, c)
			i++
		}
		first = false
	}
	return 0, fmt.Errorf("unterminated character class in pattern")
}
