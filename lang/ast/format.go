package ast

import (
	"bytes"
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Format renders an expression the way Zeek re-renders it inside error
// messages: string constants unquoted, constants in their printed form
// (1sec is "1.0 sec"), "a > b" as "b < a", and the operands of == and !=
// in Zeek's canonical order (a name before a constant: "x == 1" is
// "1 == x"). It is not source text and does not round-trip.
func Format(e Expr) string { return FormatWith(e, FormatOptions{}) }

// FormatQuoted is Format with string constants in double quotes, as Zeek
// renders the condition of a failed assertion: assert fmt("%s", 1) == "2"
// gives "assertion failure: fmt("%s", 1) == "2"".
func FormatQuoted(e Expr) string { return FormatWith(e, FormatOptions{Quote: true}) }

// FormatOptions adjusts Format.
type FormatOptions struct {
	// Quote puts string constants in double quotes (bytes outside
	// 0x20-0x7e as \xhh).
	Quote bool
	// Coerce, when set, names the type an expression is implicitly
	// converted to ("" for none); such an expression is rendered as Zeek
	// shows its conversion node: "(coerce E to T)".
	Coerce func(Expr) string
	// Defaults, when set, returns the default arguments a call leaves
	// out; Zeek shows them as if written: to_int("x") reads
	// "to_int(x, 10)".
	Defaults func(*CallExpr) []Expr
	// Name, when set, renders an identifier (Zeek shows the full name:
	// a local of module Foo is "Foo::x").
	Name func(*Ident) string
}

// FormatWith renders e as Format does, adjusted by o.
func FormatWith(e Expr, o FormatOptions) string {
	var b strings.Builder
	f := formatter{b: &b, o: o}
	f.expr(e)
	return b.String()
}

// FormatType renders a type as written, in Zeek's type notation.
func FormatType(t TypeExpr) string {
	var b strings.Builder
	formatType(&b, t)
	return b.String()
}

// join writes n items separated by sep; item writes the i-th.
func join(b *strings.Builder, n int, sep string, item func(i int)) {
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(sep)
		}
		item(i)
	}
}

// formatter writes expressions with its options.
type formatter struct {
	b *strings.Builder
	o FormatOptions
}

// list writes es between open and close, separated by ", ".
func (f formatter) list(open string, es []Expr, close string) {
	f.b.WriteString(open)
	join(f.b, len(es), ", ", func(i int) { f.expr(es[i]) })
	f.b.WriteString(close)
}

func (f formatter) expr(e Expr) {
	if f.o.Coerce != nil && e != nil {
		if t := f.o.Coerce(e); t != "" {
			f.b.WriteString("(coerce ")
			f.expr1(e)
			f.b.WriteString(" to " + t + ")")
			return
		}
	}
	f.expr1(e)
}

func (f formatter) expr1(e Expr) {
	b := f.b
	switch e := e.(type) {
	case nil:
		b.WriteString("<nil>")
	case *Ident:
		if f.o.Name != nil {
			b.WriteString(f.o.Name(e))
		} else {
			b.WriteString(e.Name)
		}
	case *BasicLit:
		if e.Kind == LitString && f.o.Quote {
			b.WriteString(quote(e.Value))
		} else {
			b.WriteString(FormatLit(e))
		}
	case *UnaryExpr:
		b.WriteString(e.Op)
		f.expr(e.X)
	case *IncrExpr:
		if e.Post {
			f.expr(e.X)
			b.WriteString(e.Op)
		} else {
			b.WriteString(e.Op)
			f.expr(e.X)
		}
	case *BinaryExpr:
		x, op, y := e.X, e.Op, e.Y
		switch op {
		case ">":
			x, op, y = y, "<", x
		case ">=":
			x, op, y = y, "<=", x
		case "==", "!=":
			if eqSwaps(x, y) {
				x, y = y, x
			}
		}
		f.expr(x)
		b.WriteString(" " + op + " ")
		f.expr(y)
	case *AssignExpr:
		f.expr(e.LHS)
		b.WriteString(" " + e.Op + " ")
		f.expr(e.RHS)
	case *CondExpr:
		f.expr(e.Cond)
		b.WriteString(" ? ")
		f.expr(e.Then)
		b.WriteString(" : ")
		f.expr(e.Else)
	case *IndexExpr:
		f.expr(e.X)
		f.list("[", e.Index, "]")
	case *SliceExpr:
		f.expr(e.X)
		b.WriteByte('[')
		if e.Lo != nil {
			f.expr(e.Lo)
		}
		b.WriteByte(':')
		if e.Hi != nil {
			f.expr(e.Hi)
		}
		b.WriteByte(']')
	case *FieldExpr:
		f.expr(e.X)
		b.WriteString("$" + e.Name)
	case *HasFieldExpr:
		f.expr(e.X)
		b.WriteString("?$" + e.Name)
	case *CallExpr:
		f.expr(e.Fun)
		args := e.Args
		if f.o.Defaults != nil {
			if d := f.o.Defaults(e); len(d) > 0 {
				args = append(args[:len(args):len(args)], d...)
			}
		}
		f.list("(", args, ")")
	case *FieldAssign:
		b.WriteString("$" + e.Name + "=")
		f.expr(e.X)
	case *ConstructorExpr:
		f.list(e.Kind.String()+"(", e.Args, ")")
	case *ListExpr:
		f.list("[", e.Elems, "]")
	case *BraceExpr:
		f.list("{", e.Elems, "}")
	case *CastExpr:
		f.expr(e.X)
		b.WriteString(" as ")
		formatType(b, e.Type)
	case *IsExpr:
		f.expr(e.X)
		b.WriteString(" is ")
		formatType(b, e.Type)
	case *SizeExpr:
		b.WriteByte('|')
		f.expr(e.X)
		b.WriteByte('|')
	case *CopyExpr:
		b.WriteString("copy(")
		f.expr(e.X)
		b.WriteByte(')')
	case *LambdaExpr:
		formatSig(b, e.Kind, e.Params, e.Result, false)
	case *HookExpr:
		b.WriteString("hook ")
		f.expr(e.Call)
	case *ScheduleExpr:
		b.WriteString("schedule ")
		f.expr(e.When)
		b.WriteString(" { ")
		f.expr(e.Event)
		b.WriteString(" }")
	default:
		b.WriteString("<expr>")
	}
}

// eqSwaps reports whether Zeek writes x == y as y == x: a pattern
// constant goes first; otherwise the operand of the later node kind in
// Zeek's order of expression kinds (names, constants, unary, binary
// operators, ..., calls, sizes, casts) goes first.
func eqSwaps(x, y Expr) bool {
	switch {
	case isPatternLit(y):
		return true
	case isPatternLit(x):
		return false
	}
	return exprRank(y) > exprRank(x)
}

func isPatternLit(e Expr) bool {
	l, ok := e.(*BasicLit)
	return ok && l.Kind == LitPattern
}

// exprRank orders expression kinds as Zeek's expression tags do (only the
// order matters).
func exprRank(e Expr) int {
	switch e := e.(type) {
	case *Ident:
		return 0
	case *BasicLit:
		return 1
	case *CopyExpr:
		return 2
	case *IncrExpr:
		if e.Op == "--" {
			return 4
		}
		return 3
	case *UnaryExpr:
		return map[string]int{"!": 5, "~": 6, "+": 7, "-": 8}[e.Op]
	case *BinaryExpr:
		return binaryRank[e.Op]
	case *CondExpr:
		return 40
	case *AssignExpr:
		if e.Op == "+=" {
			return 11
		}
		if e.Op == "-=" {
			return 12
		}
		return 42
	case *IndexExpr, *SliceExpr:
		return 43
	case *FieldExpr:
		return 44
	case *HasFieldExpr:
		return 45
	case *ConstructorExpr:
		return map[ConstructorKind]int{RecordCons: 46, TableCons: 47, SetCons: 48, VectorCons: 49}[e.Kind]
	case *BraceExpr:
		return 47
	case *FieldAssign:
		return 50
	case *ListExpr:
		for _, el := range e.Elems {
			if _, ok := el.(*FieldAssign); !ok {
				return 52
			}
		}
		if len(e.Elems) > 0 {
			return 46 // [$a=1] is a record constructor
		}
		return 52
	case *CallExpr, *HookExpr:
		return 53
	case *LambdaExpr:
		return 54
	case *ScheduleExpr:
		return 56
	case *SizeExpr:
		return 61
	case *CastExpr:
		return 62
	case *IsExpr:
		return 63
	}
	return 70
}

var binaryRank = map[string]int{
	"+": 9, "-": 10, "*": 13, "/": 14, "%": 16, "&": 17, "|": 18, "^": 19,
	"<<": 20, ">>": 21, "&&": 22, "||": 23,
	"<": 24, "<=": 25, "==": 26, "!=": 27, ">=": 28, ">": 29,
	"in": 51, "!in": 51,
}

// quote writes a string constant in double quotes, bytes outside
// 0x20-0x7e as \xhh.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c > 0x7e {
			b.WriteString(`\x`)
			b.WriteByte("0123456789abcdef"[c>>4])
			b.WriteByte("0123456789abcdef"[c&15])
			continue
		}
		b.WriteByte(c)
	}
	b.WriteByte('"')
	return b.String()
}

func formatType(b *strings.Builder, t TypeExpr) {
	switch t := t.(type) {
	case nil:
		b.WriteString("void")
	case *NamedType:
		b.WriteString(t.Name)
	case *SetType:
		b.WriteString("set[")
		formatTypes(b, t.Index)
		b.WriteByte(']')
	case *TableType:
		b.WriteString("table[")
		formatTypes(b, t.Index)
		b.WriteString("] of ")
		formatType(b, t.Yield)
	case *VectorType:
		b.WriteString("vector of ")
		formatType(b, t.Elem)
	case *RecordType:
		b.WriteString("record { ")
		for _, f := range t.Fields {
			b.WriteString(f.Name + ":")
			formatType(b, f.Type)
			b.WriteString("; ")
		}
		b.WriteByte('}')
	case *EnumType:
		b.WriteString("enum { ")
		join(b, len(t.Names), ", ", func(i int) { b.WriteString(t.Names[i].Name) })
		b.WriteString(" }")
	case *FuncType:
		formatSig(b, t.Kind, t.Params, t.Result, t.Variadic)
	case *OpaqueType:
		b.WriteString("opaque of " + t.Name)
	}
}

// formatTypes writes index types as Zeek does: separated by a bare comma.
func formatTypes(b *strings.Builder, ts []TypeExpr) {
	join(b, len(ts), ",", func(i int) { formatType(b, ts[i]) })
}

func formatSig(b *strings.Builder, k FuncKind, ps []*Param, res TypeExpr, variadic bool) {
	b.WriteString(k.String())
	b.WriteByte('(')
	join(b, len(ps), ", ", func(i int) {
		b.WriteString(ps[i].Name + ":")
		formatType(b, ps[i].Type)
	})
	if variadic {
		if len(ps) > 0 {
			b.WriteString(", ")
		}
		b.WriteString("...")
	}
	b.WriteByte(')')
	if k == Function {
		b.WriteString(" : ")
		formatType(b, res)
	}
}

// FormatLit renders a constant as Zeek prints its value.
func FormatLit(l *BasicLit) string {
	switch l.Kind {
	case LitCount:
		if n, err := CountLitValue(l.Value); err == nil {
			return strconv.FormatUint(n, 10)
		}
	case LitDouble:
		if f, err := strconv.ParseFloat(l.Value, 64); err == nil {
			return FormatDouble(f)
		}
	case LitInterval:
		if s, ok := IntervalLitSeconds(l.Value); ok {
			return FormatInterval(s)
		}
	case LitPattern:
		p := "^?(" + l.Value + ")$?"
		if l.CaseInsensitive {
			p = "(?i:" + p + ")"
		}
		return "/" + p + "/"
	case LitAddr:
		v := strings.TrimSuffix(strings.TrimPrefix(l.Value, "["), "]")
		if a, err := netip.ParseAddr(v); err == nil {
			return a.Unmap().String()
		}
	case LitSubnet:
		v := strings.Replace(strings.TrimPrefix(l.Value, "["), "]", "", 1)
		if p, err := netip.ParsePrefix(v); err == nil {
			p = p.Masked()
			if p.Addr().Is4In6() && p.Bits() >= 96 {
				p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
			}
			return p.String()
		}
	}
	return l.Value
}

// FormatDouble renders a double or time as Zeek's print and fmt("%s")
// do (rendering.md §1.2). The one implementation: messages here, and
// runtime/value for printing, both use it.
func FormatDouble(x float64) string { return string(AppendDouble(nil, x)) }

// AppendDouble appends FormatDouble(x) to b.
func AppendDouble(b []byte, x float64) []byte {
	if math.IsNaN(x) {
		return append(b, "nan"...)
	}
	if x == 0 { // also -0
		return append(b, "0.0"...)
	}
	start := len(b)
	ax := math.Abs(x)
	if x < 0 {
		b = append(b, '-')
	}
	switch {
	case ax > math.MaxInt32:
		// Shortest round-trip digits ("3.14e+15"); infinity is "inf".
		if math.IsInf(ax, 1) {
			return append(b, "inf"...)
		}
		return strconv.AppendFloat(b, ax, 'e', -1, 64)
	case ax < 1e-6:
		b = strconv.AppendFloat(b, ax, 'g', 6, 64)
	default:
		b = strconv.AppendFloat(b, ax, 'f', 6, 64)
		if bytes.IndexByte(b[start:], '.') >= 0 {
			b = bytes.TrimRight(b, "0")
			b = bytes.TrimSuffix(b, []byte("."))
		}
	}
	// An integral-looking result gets ".0" only when x really is (almost)
	// an integer: 1.0000004 prints "1".
	if !bytes.ContainsAny(b[start:], "e.") && math.Abs(x-math.RoundToEven(x)) < 1e-9 {
		b = append(b, ".0"...)
	}
	return b
}

var intervalUnits = [...]struct {
	secs float64
	name string
}{{86400, "day"}, {3600, "hr"}, {60, "min"}, {1, "sec"}, {1e-3, "msec"}}

// FormatInterval renders an interval (in seconds) as Zeek does: a sum of
// units, largest first (rendering.md §1.3).
func FormatInterval(v float64) string { return string(AppendInterval(nil, v)) }

// AppendInterval appends FormatInterval(v) to b.
func AppendInterval(b []byte, v float64) []byte {
	start := len(b)
	part := func(n float64, unit string) {
		if len(b) > start {
			b = append(b, ' ')
		}
		b = AppendDouble(b, n)
		b = append(b, ' ')
		b = append(b, unit...)
		if math.Abs(n-1) >= 1e-6 && math.Abs(n+1) >= 1e-6 {
			b = append(b, 's')
		}
	}
	if v != 0 && !math.IsNaN(v) {
		for _, u := range intervalUnits {
			if math.Abs(v) >= u.secs {
				n := math.Trunc(v / u.secs)
				v -= n * u.secs
				part(n, u.name)
			}
		}
		if us := v / 1e-6; math.Abs(us) >= 1e-6 {
			part(us, "usec")
		}
	}
	if len(b) == start {
		b = append(b, "0 secs"...)
	}
	return b
}

// CountLitValue is the value of a count literal: hexadecimal after "0x",
// decimal otherwise. (strconv's base 0 would read "010" as octal eight;
// Zeek reads ten.)
func CountLitValue(lit string) (uint64, error) {
	if hex, ok := strings.CutPrefix(strings.ToLower(lit), "0x"); ok {
		return strconv.ParseUint(hex, 16, 64)
	}
	return strconv.ParseUint(lit, 10, 64)
}

var unitSecs = map[string]float64{
	"usec": 1e-6, "msec": 1e-3, "sec": 1, "min": 60, "hr": 3600, "day": 86400,
}

// IntervalLitSeconds parses an interval literal ("15sec", "1.5 hrs").
func IntervalLitSeconds(lit string) (float64, bool) {
	i := len(lit)
	for i > 0 && lit[i-1] >= 'a' && lit[i-1] <= 'z' {
		i--
	}
	unit := strings.TrimSuffix(lit[i:], "s")
	mul, ok := unitSecs[unit]
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseFloat(strings.TrimSpace(lit[:i]), 64)
	if err != nil {
		return 0, false
	}
	return n * mul, true
}
