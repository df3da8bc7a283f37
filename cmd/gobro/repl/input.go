package repl

import (
	"strings"

	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/lexer"
	"github.com/gobro/gobro/lang/parser"
	"github.com/gobro/gobro/lang/token"
)

// complete reports whether text is a whole input: a meta command, or
// script text whose brackets, braces and parentheses are all closed and
// that does not stop in the middle of a declaration or statement. Text
// that cannot be lexed is complete too: its error is reported rather
// than waited on. (A blank line ends an input whatever it holds.)
func complete(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" || isMeta(t) {
		return true
	}
	var diags diag.List
	lx := lexer.New("<repl>", []byte(text), &diags, nil)
	depth := 0
	for {
		tok, err := lx.Next()
		if err != nil || tok.EOF() {
			break
		}
		if token.Kind(tok.Type) != token.Punct {
			continue
		}
		switch tok.Value {
		case "(", "[", "{":
			depth++
		case ")", "]", "}":
			depth--
		}
	}
	if diags.HasErrors() {
		return true
	}
	return depth <= 0 && !endsEarly(text)
}

// endsEarly reports whether text fails to parse only because it stops
// too soon ("function f(): count" before its body, "x +"), with or
// without the ';' the session adds.
func endsEarly(text string) bool {
	end := len(strings.TrimRight(text, " \t\r\n"))
	for _, t := range []string{text, text + ";"} {
		var diags diag.List
		parser.ParseFile("<repl>", []byte(t), &diags)
		if !diags.HasErrors() {
			return false
		}
		for _, d := range diags.Items {
			if d.Severity != diag.Warning && d.Pos.Offset < end {
				return false
			}
		}
	}
	return true
}

// withSemicolon ends text with the ';' a statement or declaration needs
// when it parses only with one, so "x + 1" and "type R: record {...}"
// may be entered as they are.
func withSemicolon(text string) string {
	if parses(text) || !parses(text+";") {
		return text
	}
	return text + ";"
}

func parses(text string) bool {
	var diags diag.List
	parser.ParseFile("<repl>", []byte(text), &diags)
	return !diags.HasErrors()
}

// isMeta tells a meta command (".help") from script text (".5" is a
// number).
func isMeta(text string) bool {
	return len(text) > 1 && text[0] == '.' && ('a' <= text[1] && text[1] <= 'z')
}
