package ast

import (
	"math"
	"net/netip"
	"strconv"
	"strings"
)

// Format renders an expression the way Zeek re-renders it inside error
// messages: string constants unquoted, constants in their printed form
// (1sec is "1.0 sec"), "a > b" as "b < a", and a constant compared with ==
// moved to the left. It is not source text and does not round-trip.
func Format(e Expr) string {
	var b strings.Builder
	formatExpr(&b, e)
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

// formatList writes es between open and close, separated by ", ".
func formatList(b *strings.Builder, open string, es []Expr, close string) {
	b.WriteString(open)
	join(b, len(es), ", ", func(i int) { formatExpr(b, es[i]) })
	b.WriteString(close)
}

func isConst(e Expr) bool {
	_, ok := e.(*BasicLit)
	return ok
}

func formatExpr(b *strings.Builder, e Expr) {
	switch e := e.(type) {
	case nil:
		b.WriteString("<nil>")
	case *Ident:
		b.WriteString(e.Name)
	case *BasicLit:
		b.WriteString(FormatLit(e))
	case *UnaryExpr:
		b.WriteString(e.Op)
		formatExpr(b, e.X)
	case *IncrExpr:
		if e.Post {
			formatExpr(b, e.X)
			b.WriteString(e.Op)
		} else {
			b.WriteString(e.Op)
			formatExpr(b, e.X)
		}
	case *BinaryExpr:
		x, op, y := e.X, e.Op, e.Y
		switch op {
		case ">":
			x, op, y = y, "<", x
		case ">=":
			x, op, y = y, "<=", x
		case "==", "!=":
			if isConst(y) && !isConst(x) {
				x, y = y, x
			}
		}
		formatExpr(b, x)
		b.WriteString(" " + op + " ")
		formatExpr(b, y)
	case *AssignExpr:
		formatExpr(b, e.LHS)
		b.WriteString(" " + e.Op + " ")
		formatExpr(b, e.RHS)
	case *CondExpr:
		formatExpr(b, e.Cond)
		b.WriteString(" ? ")
		formatExpr(b, e.Then)
		b.WriteString(" : ")
		formatExpr(b, e.Else)
	case *IndexExpr:
		formatExpr(b, e.X)
		formatList(b, "[", e.Index, "]")
	case *SliceExpr:
		formatExpr(b, e.X)
		b.WriteByte('[')
		if e.Lo != nil {
			formatExpr(b, e.Lo)
		}
		b.WriteByte(':')
		if e.Hi != nil {
			formatExpr(b, e.Hi)
		}
		b.WriteByte(']')
	case *FieldExpr:
		formatExpr(b, e.X)
		b.WriteString("$" + e.Name)
	case *HasFieldExpr:
		formatExpr(b, e.X)
		b.WriteString("?$" + e.Name)
	case *CallExpr:
		formatExpr(b, e.Fun)
		formatList(b, "(", e.Args, ")")
	case *FieldAssign:
		b.WriteString("$" + e.Name + "=")
		formatExpr(b, e.X)
	case *ConstructorExpr:
		formatList(b, e.Kind.String()+"(", e.Args, ")")
	case *ListExpr:
		formatList(b, "[", e.Elems, "]")
	case *BraceExpr:
		formatList(b, "{", e.Elems, "}")
	case *CastExpr:
		formatExpr(b, e.X)
		b.WriteString(" as ")
		formatType(b, e.Type)
	case *IsExpr:
		formatExpr(b, e.X)
		b.WriteString(" is ")
		formatType(b, e.Type)
	case *SizeExpr:
		b.WriteByte('|')
		formatExpr(b, e.X)
		b.WriteByte('|')
	case *CopyExpr:
		b.WriteString("copy(")
		formatExpr(b, e.X)
		b.WriteByte(')')
	case *LambdaExpr:
		formatSig(b, e.Kind, e.Params, e.Result, false)
	case *HookExpr:
		b.WriteString("hook ")
		formatExpr(b, e.Call)
	case *ScheduleExpr:
		b.WriteString("schedule ")
		formatExpr(b, e.When)
		b.WriteString(" { ")
		formatExpr(b, e.Event)
		b.WriteString(" }")
	default:
		b.WriteString("<expr>")
	}
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

// FormatDouble renders a double as Zeek's print does.
func FormatDouble(x float64) string {
	if math.IsNaN(x) {
		return "nan"
	}
	neg := x < 0
	a := math.Abs(x)
	var s string
	switch {
	case math.IsInf(a, 0) || a > math.MaxInt32:
		s = strconv.FormatFloat(a, 'e', -1, 64)
	case a < 1e-6:
		s = strconv.FormatFloat(a, 'g', 6, 64)
	default:
		s = strconv.FormatFloat(a, 'f', 6, 64)
		s = strings.TrimRight(s, "0")
		s = strings.TrimSuffix(s, ".")
	}
	if !strings.ContainsAny(s, "ei") && math.Abs(a-math.RoundToEven(a)) < 1e-9 {
		s += ".0"
	}
	if neg && s != "0.0" {
		s = "-" + s
	}
	return s
}

var intervalUnits = []struct {
	name string
	secs float64
}{{"day", 86400}, {"hr", 3600}, {"min", 60}, {"sec", 1}, {"msec", 1e-3}}

// FormatInterval renders seconds as Zeek prints an interval.
func FormatInterval(v float64) string {
	if v == 0 {
		return "0 secs"
	}
	var parts []string
	part := func(n float64, unit string) {
		s := FormatDouble(n) + " " + unit
		if math.Abs(math.Abs(n)-1) > 1e-6 {
			s += "s"
		}
		parts = append(parts, s)
	}
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
	if len(parts) == 0 {
		return "0 secs"
	}
	return strings.Join(parts, " ")
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
