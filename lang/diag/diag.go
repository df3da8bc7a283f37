// Package diag is the one diagnostic type of gobro: a span, a message,
// a severity, printed the way Zeek prints errors plus a column and a caret
// snippet of the offending line.
package diag

import (
	"fmt"
	"io"
	"strings"

	"github.com/gobro/gobro/lang/token"
)

// Severity of a diagnostic.
type Severity int

const (
	Error Severity = iota
	Warning
	Fatal
)

func (s Severity) String() string {
	switch s {
	case Warning:
		return "warning"
	case Fatal:
		return "fatal error"
	}
	return "error"
}

// Diagnostic is one problem found in a script.
type Diagnostic struct {
	Severity Severity
	Pos      token.Pos // where the problem is (line/col of the caret)
	End      token.Pos // last position of the construct, for "lines N-M"
	Other    string    // a second location, as Zeek's "X and Y" (e.g. a type name)
	Msg      string
	// Expr is Zeek's trailing "(expr)" rendering, without the parentheses.
	Expr string
	// Notes say more than Zeek's line does, e.g. what the parser expected.
	Notes []string
}

// Location renders Zeek's location part: "FILE, line N" or "FILE, lines N-M".
func (d *Diagnostic) Location() string {
	p := d.Pos
	if !p.IsValid() {
		return p.File
	}
	if d.End.IsValid() && d.End.Line > p.Line && d.End.File == p.File {
		return fmt.Sprintf("%s, lines %d-%d", p.File, p.Line, d.End.Line)
	}
	return fmt.Sprintf("%s, line %d", p.File, p.Line)
}

// Header is the Zeek-compatible first line of the diagnostic.
func (d *Diagnostic) Header() string {
	var b strings.Builder
	b.WriteString(d.Severity.String())
	loc := d.Location()
	if loc != "" {
		b.WriteString(" in ")
		b.WriteString(loc)
		if d.Other != "" {
			b.WriteString(" and ")
			b.WriteString(d.Other)
		}
	}
	b.WriteString(": ")
	b.WriteString(d.Msg)
	if d.Expr != "" {
		b.WriteString(" (")
		b.WriteString(d.Expr)
		b.WriteString(")")
	}
	return b.String()
}

func (d *Diagnostic) Error() string { return d.Header() }

// Sources gives the text of a file for caret snippets; nil means no snippet.
type Sources func(file string) []byte

// Print writes the diagnostic: Zeek's line, then " --> file:line:col" and
// the source line with a caret under the column.
func (d *Diagnostic) Print(w io.Writer, src Sources) {
	fmt.Fprintln(w, d.Header())
	if !d.Pos.IsValid() {
		return
	}
	fmt.Fprintf(w, "  --> %s:%d:%d\n", d.Pos.File, d.Pos.Line, d.Pos.Col)
	if src == nil {
		return
	}
	line, ok := lineOf(src(d.Pos.File), d.Pos.Line)
	if !ok {
		return
	}
	fmt.Fprintf(w, "   | %s\n", line)
	var caret strings.Builder
	for i := 0; i < d.Pos.Col-1 && i < len(line); i++ {
		if line[i] == '\t' {
			caret.WriteByte('\t')
		} else {
			caret.WriteByte(' ')
		}
	}
	caret.WriteByte('^')
	fmt.Fprintf(w, "   | %s\n", caret.String())
	for _, n := range d.Notes {
		fmt.Fprintf(w, "   = %s\n", n)
	}
}

func lineOf(text []byte, n int) (string, bool) {
	if text == nil || n < 1 {
		return "", false
	}
	for i := 1; i < n; i++ {
		j := indexByte(text, '\n')
		if j < 0 {
			return "", false
		}
		text = text[j+1:]
	}
	if j := indexByte(text, '\n'); j >= 0 {
		text = text[:j]
	}
	return strings.TrimRight(string(text), "\r"), true
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

// List collects diagnostics in the order they were found.
type List struct {
	Items []*Diagnostic
}

// Add records a diagnostic.
func (l *List) Add(d *Diagnostic) { l.Items = append(l.Items, d) }

// Errorf records an error at pos.
func (l *List) Errorf(pos token.Pos, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Severity: Error, Pos: pos, Msg: fmt.Sprintf(format, args...)}
	l.Add(d)
	return d
}

// Warnf records a warning at pos.
func (l *List) Warnf(pos token.Pos, format string, args ...any) *Diagnostic {
	d := &Diagnostic{Severity: Warning, Pos: pos, Msg: fmt.Sprintf(format, args...)}
	l.Add(d)
	return d
}

// HasErrors reports whether any error (not warning) was recorded.
func (l *List) HasErrors() bool {
	for _, d := range l.Items {
		if d.Severity != Warning {
			return true
		}
	}
	return false
}

// Count returns the number of errors and warnings.
func (l *List) Count() (errors, warnings int) {
	for _, d := range l.Items {
		if d.Severity == Warning {
			warnings++
		} else {
			errors++
		}
	}
	return
}

// Print writes all diagnostics in report order.
func (l *List) Print(w io.Writer, src Sources) {
	for _, d := range l.Items {
		d.Print(w, src)
	}
}
