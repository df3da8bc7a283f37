package signature

import (
	"fmt"
	"strings"

	"github.com/gobro/gobro/lang/token"
)

type kind int

const (
	tEOF kind = iota
	tWord
	tString
	tPattern
	tEq
	tComma
	tLBrace
	tRBrace
)

type token_ struct {
	kind kind
	text string
	pos  token.Pos
}

func (t token_) String() string {
	switch t.kind {
	case tEOF:
		return "end of file"
	case tString:
		return fmt.Sprintf("%q", t.text)
	case tPattern:
		return "/" + t.text + "/"
	}
	return "'" + t.text + "'"
}

// lexer splits a signature file into words (names, keywords, numbers:
// letters, digits and - _ . : ), "strings", /patterns/, ==, commas and
// braces; # starts a comment to the end of the line.
type lexer struct {
	file      string
	src       string
	off       int
	line, col int
}

func (l *lexer) pos() token.Pos {
	return token.Pos{File: l.file, Offset: l.off, Line: l.line, Col: l.col}
}

func (l *lexer) advance(n int) {
	for _, c := range l.src[l.off : l.off+n] {
		if c == '\n' {
			l.line, l.col = l.line+1, 1
		} else {
			l.col++
		}
	}
	l.off += n
}

func isWord(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.:", c) >= 0
}

func (l *lexer) next() (token_, error) {
	for l.off < len(l.src) {
		c := l.src[l.off]
		if c == '#' {
			n := strings.IndexByte(l.src[l.off:], '\n')
			if n < 0 {
				n = len(l.src) - l.off
			}
			l.advance(n)
			continue
		}
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' {
			l.advance(1)
			continue
		}
		break
	}
	pos := l.pos()
	if l.off >= len(l.src) {
		return token_{kind: tEOF, pos: pos}, nil
	}
	rest := l.src[l.off:]
	switch c := rest[0]; {
	case c == '{':
		l.advance(1)
		return token_{tLBrace, "{", pos}, nil
	case c == '}':
		l.advance(1)
		return token_{tRBrace, "}", pos}, nil
	case c == ',':
		l.advance(1)
		return token_{tComma, ",", pos}, nil
	case strings.HasPrefix(rest, "=="):
		l.advance(2)
		return token_{tEq, "==", pos}, nil
	case c == '"':
		end := strings.IndexAny(rest[1:], "\"\n")
		if end < 0 || rest[1+end] != '"' {
			return token_{}, &Error{pos, "unterminated string"}
		}
		l.advance(end + 2)
		return token_{tString, rest[1 : 1+end], pos}, nil
	case c == '/':
		// The pattern runs to the next unescaped slash on the line.
		for i := 1; i < len(rest) && rest[i] != '\n'; i++ {
			switch rest[i] {
			case '\\':
				i++
			case '/':
				l.advance(i + 1)
				return token_{tPattern, rest[1:i], pos}, nil
			}
		}
		return token_{}, &Error{pos, "unterminated pattern"}
	case isWord(c):
		n := 1
		for n < len(rest) && isWord(rest[n]) {
			n++
		}
		l.advance(n)
		return token_{tWord, rest[:n], pos}, nil
	default:
		return token_{}, &Error{pos, fmt.Sprintf("unexpected character %q", c)}
	}
}
