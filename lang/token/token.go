// Package token defines source positions and the kinds of tokens of the
// Bro/Zeek language, shared by the lexer, the parser and diagnostics.
package token

import "fmt"

// Pos is a position in a script: file name as given to the loader, 1-based
// line and column (in bytes), and the byte offset.
type Pos struct {
	File   string
	Offset int
	Line   int
	Col    int
}

// IsValid reports whether the position points into a file.
func (p Pos) IsValid() bool { return p.Line > 0 }

func (p Pos) String() string {
	if !p.IsValid() {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Kind classifies a token. Keywords and punctuation share the Keyword and
// Punct kinds; their text tells them apart, which keeps the participle
// grammar readable ("if", "+=").
type Kind int

// EOF matches participle's end-of-input token type.
const EOF Kind = -1

const (
	Ident Kind = iota + 1
	Keyword
	Punct
	Count    // 42, 0xff
	Double   // 1.5, .5, 1e3
	String   // "..." (value is the decoded bytes)
	Pattern  // /.../ (value is the regex source; see Token.Flags)
	Port     // 80/tcp
	Addr     // 10.0.0.1, [::1]
	Subnet   // 10.0.0.0/8, [2001:db8::]/32
	Interval // 15sec, 1.5 hrs (value is the literal text)
	Directive
	Attr // &default, &log ... (one token, so "x &log" never reads as x & log)
	numKinds
)

var kindNames = [...]string{
	Ident: "Ident", Keyword: "Keyword", Punct: "Punct",
	Count: "Count", Double: "Double", String: "String", Pattern: "Pattern",
	Port: "Port", Addr: "Addr", Subnet: "Subnet", Interval: "Interval",
	Directive: "Directive", Attr: "Attr",
}

func (k Kind) String() string {
	if k == EOF {
		return "EOF"
	}
	if k > 0 && int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("Kind(%d)", int(k))
}

// Names maps kind names to kinds (participle wants symbol names).
func Names() map[string]Kind {
	m := map[string]Kind{"EOF": EOF}
	for k := Ident; k < numKinds; k++ {
		m[k.String()] = k
	}
	return m
}

// Keywords of the language. T and F are literals, not keywords.
var Keywords = map[string]bool{}

func init() {
	for _, k := range []string{
		"add", "addr", "any", "as", "assert", "bool", "break", "case", "const",
		"copy", "count", "default", "delete", "double", "else", "enum", "event",
		"export", "fallthrough", "file", "for", "function", "global", "hook",
		"if", "in", "int", "interval", "is", "local", "module", "next", "of",
		"opaque", "option", "pattern", "port", "print", "record", "redef",
		"return", "schedule", "set", "string", "subnet", "switch", "table",
		"time", "timeout", "type", "vector", "when", "while",
	} {
		Keywords[k] = true
	}
}

// Attributes are lexed as one token "&name" when name is one of these.
var Attributes = map[string]bool{}

func init() {
	for _, a := range []string{
		"optional", "default", "default_insert", "redef", "add_func", "delete_func",
		"expire_func", "read_expire", "write_expire", "create_expire", "on_change",
		"priority", "log", "raw_output", "group", "error_handler", "type_column",
		"deprecated", "is_assigned", "is_used", "ordered", "backend", "broker_store",
		"broker_allow_complex_type", "publish_on_change",
		// removed since Bro 2.x, accepted with a warning
		"persistent", "synchronized", "mergeable", "rotate_interval", "rotate_size",
		"encrypt", "match",
	} {
		Attributes[a] = true
	}
}
