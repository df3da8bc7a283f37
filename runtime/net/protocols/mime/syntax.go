package mime

import "strings"

// MIME header syntax, as Zeek's MIME analyser reads it (RFC 822/2045
// with its leniencies): field names, tokens, quoted strings, comments.

func isLWS(c byte) bool { return c == ' ' || c == '\t' }

func isSpace(c byte) bool { return c == ' ' || (c >= '\t' && c <= '\r') }

// skipComment skips a parenthesised comment at the start of s (with
// nesting and backslash escapes) and returns its length.
func skipComment(s string) int {
	if s == "" || s[0] != '(' {
		return 0
	}
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i + 1
			}
		case '\\':
			i++
		}
	}
	return len(s)
}

// skipLWSComments skips white space and comments.
func skipLWSComments(s string) int {
	i := 0
	for i < len(s) {
		switch {
		case isLWS(s[i]):
			i++
		case s[i] == '(':
			i += skipComment(s[i:])
		default:
			return i
		}
	}
	return len(s)
}

func isFieldNameChar(c byte) bool { return c >= 33 && c <= 126 && c != ':' }

// isTSpecial: a boundary may hold every special but the quote, as
// boundaries in the wild do.
func isTSpecial(c byte, boundary bool) bool {
	if boundary {
		return c == '"'
	}
	return strings.IndexByte(`()<>@,;:\"/[]?=`, c) >= 0
}

func isTokenChar(c byte, boundary bool) bool {
	return c >= 33 && c <= 126 && !isTSpecial(c, boundary)
}

// scanRun finds the first run of bytes satisfying ok in s, skipping
// white space, comments and other bytes before it. It returns the run
// and the offset just past it, or ok=false.
func scanRun(s string, skipFirst bool, ok func(byte) bool) (run string, end int, found bool) {
	i := 0
	if skipFirst {
		i = skipLWSComments(s)
	}
	for i < len(s) {
		if ok(s[i]) {
			j := i
			for j < len(s) && ok(s[j]) {
				j++
			}
			return s[i:j], j, true
		}
		if n := skipLWSComments(s[i:]); n > 0 {
			i += n
		} else {
			i++
		}
	}
	return "", -1, false
}

func getToken(s string, boundary bool) (string, int, bool) {
	return scanRun(s, !boundary, func(c byte) bool { return isTokenChar(c, boundary) })
}

// getQuoted reads a quoted string (after white space and comments) and
// returns its raw contents and the offset past the closing quote.
func getQuoted(s string) (string, int, bool) {
	off := skipLWSComments(s)
	s = s[off:]
	if s == "" || s[0] != '"' {
		return "", -1, false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '"':
			return s[1:i], off + i + 1, true
		case '\\':
			i++
		}
	}
	return "", -1, false
}

// unquotePairs decodes backslash escapes; a trailing lone backslash is
// dropped.
func unquotePairs(s string) string {
	if strings.IndexByte(s, '\\') < 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			if i < len(s) {
				b.WriteByte(s[i])
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// getValue reads a parameter value: a quoted string or a token.
func getValue(s string, boundary bool) (string, int, bool) {
	off := 0
	if !boundary {
		off = skipLWSComments(s)
	}
	rest := s[off:]
	if rest != "" && rest[0] == '"' {
		v, end, ok := getQuoted(rest)
		if !ok {
			return "", -1, false
		}
		return unquotePairs(v), off + end, true
	}
	v, end, ok := getToken(rest, boundary)
	if !ok {
		return "", -1, false
	}
	return v, off + end, true
}

// getSlashPair reads "type/subtype".
func getSlashPair(s string) (ty, sub string, end int, ok bool) {
	ty, e1, ok := getToken(s, false)
	if !ok {
		return "", "", -1, false
	}
	rest := s[e1:]
	off := skipLWSComments(rest)
	if off >= len(rest) || rest[off] != '/' {
		return "", "", -1, false
	}
	off++
	sub, e2, ok := getToken(rest[off:], false)
	if !ok {
		return "", "", -1, false
	}
	return ty, sub, e1 + off + e2, true
}

// Header is one MIME header: its name as sent and its value with the
// white space after the colon removed. Lines is how many lines it
// spanned (folded headers span several).
type Header struct {
	Name, Value string
	Lines       int
}

// ParseHeader splits a header line (its folded lines joined), leaving
// Lines to the caller; ok is false for a line without a field name and
// a colon. Like Zeek, it skips white space, comments and other bytes
// before the name.
func ParseHeader(line string) (h Header, ok bool) {
	name, end, found := scanRun(line, true, isFieldNameChar)
	if !found {
		return h, false
	}
	rest := line[end:]
	off := skipLWSComments(rest)
	if off >= len(rest) || rest[off] != ':' {
		return h, false
	}
	v := rest[off+1:]
	for v != "" && isSpace(v[0]) {
		v = v[1:]
	}
	return Header{Name: name, Value: v}, true
}

// Token returns the first token of the value and what follows it.
func (h *Header) Token() (tok, rest string, ok bool) {
	t, end, found := getToken(h.Value, false)
	if !found {
		return "", "", false
	}
	return t, h.Value[end:], true
}

// TokenIs reports whether the value's first token is want, ignoring
// case.
func (h *Header) TokenIs(want string) bool {
	t, _, ok := h.Token()
	return ok && strings.EqualFold(t, want)
}

// ASCIIUpper upper-cases ASCII letters only, leaving other bytes (and
// invalid UTF-8) as they are, as Zeek's ToUpper does.
func ASCIIUpper(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'a' && c <= 'z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'a' && b[j] <= 'z' {
					b[j] -= 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
