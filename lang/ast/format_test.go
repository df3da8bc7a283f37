package ast

import "testing"

func id(n string) *Ident { return &Ident{Name: n} }

func lit(k LitKind, v string) *BasicLit { return &BasicLit{Kind: k, Value: v} }

func TestFormat(t *testing.T) {
	for _, tc := range []struct {
		e    Expr
		want string
	}{
		{&IndexExpr{X: id("t"), Index: []Expr{lit(LitString, "nope")}}, "t[nope]"},
		{lit(LitInterval, "1sec"), "1.0 sec"},
		{lit(LitInterval, "15 secs"), "15.0 secs"},
		{lit(LitInterval, "1.5hrs"), "1.0 hr 30.0 mins"},
		{lit(LitInterval, "0sec"), "0 secs"},
		{lit(LitDouble, "1.50"), "1.5"},
		{lit(LitDouble, "1e3"), "1000.0"},
		{lit(LitCount, "0xff"), "255"},
		{lit(LitCount, "010"), "10"}, // decimal, not octal
		{lit(LitAddr, "[::ffff:1.2.3.4]"), "1.2.3.4"},
		{lit(LitSubnet, "10.1.2.3/8"), "10.0.0.0/8"},
		{lit(LitPattern, "a"), "/^?(a)$?/"},
		{&BinaryExpr{Op: ">", X: id("a"), Y: id("b")}, "b < a"},
		{&BinaryExpr{Op: ">=", X: id("a"), Y: id("b")}, "b <= a"},
		{&BinaryExpr{Op: "==", X: id("x"), Y: lit(LitCount, "1")}, "1 == x"},
		{&BinaryExpr{Op: "/", X: lit(LitAddr, "1.2.3.4"), Y: id("i")}, "1.2.3.4 / i"},
		{&FieldExpr{X: id("mr"), Name: "f"}, "mr$f"},
		{&HasFieldExpr{X: id("r"), Name: "b"}, "r?$b"},
		{&CallExpr{Fun: id("f"), Args: []Expr{id("a"), id("b")}}, "f(a, b)"},
		{&ConstructorExpr{Kind: SetCons, Args: []Expr{lit(LitCount, "1003")}}, "set(1003)"},
		{&ConstructorExpr{Kind: VectorCons}, "vector()"},
		{&ConstructorExpr{Kind: TableCons, Args: []Expr{
			&AssignExpr{Op: "=", LHS: lit(LitString, "SSH"), RHS: lit(LitPort, "22/tcp")},
			&AssignExpr{Op: "=", LHS: lit(LitString, "HTTPS"), RHS: lit(LitPort, "443/tcp")},
		}}, "table(SSH = 22/tcp, HTTPS = 443/tcp)"},
		{&ListExpr{Elems: []Expr{&FieldAssign{Name: "a", X: lit(LitCount, "1")}}}, "[$a=1]"},
		{&CallExpr{Fun: id("info2"), Args: []Expr{&FieldAssign{Name: "str", X: lit(LitString, "hello")}}}, "info2($str=hello)"},
		{&CondExpr{Cond: lit(LitBool, "T"), Then: id("s"), Else: id("ss")}, "T ? s : ss"},
		{&IncrExpr{Op: "++", X: id("vec")}, "++vec"},
		{&UnaryExpr{Op: "-", X: lit(LitCount, "9223372036854775809")}, "-9223372036854775809"},
		{&AssignExpr{Op: "+=", LHS: id("v"), RHS: lit(LitString, "ok")}, "v += ok"},
		{&CastExpr{X: id("a"), Type: &NamedType{Name: "string"}}, "a as string"},
		{&SizeExpr{X: id("s")}, "|s|"},
		{&SliceExpr{X: id("s"), Hi: lit(LitCount, "2")}, "s[:2]"},
		{&HookExpr{Call: &CallExpr{Fun: id("h"), Args: []Expr{id("x")}}}, "hook h(x)"},
		{&BinaryExpr{Op: "!in", X: id("k"), Y: id("t")}, "k !in t"},
	} {
		if got := Format(tc.e); got != tc.want {
			t.Errorf("Format = %q, want %q", got, tc.want)
		}
	}
}

func TestFormatType(t *testing.T) {
	for _, tc := range []struct {
		t    TypeExpr
		want string
	}{
		{&SetType{Index: []TypeExpr{&NamedType{Name: "count"}}}, "set[count]"},
		{&TableType{Index: []TypeExpr{&NamedType{Name: "string"}}, Yield: &NamedType{Name: "count"}}, "table[string] of count"},
		{&VectorType{Elem: &NamedType{Name: "string"}}, "vector of string"},
		{&RecordType{Fields: []*Field{{Name: "a", Type: &NamedType{Name: "addr"}}, {Name: "b", Type: &NamedType{Name: "port"}}}}, "record { a:addr; b:port; }"},
		{&FuncType{Kind: Function, Params: []*Param{{Name: "i", Type: &NamedType{Name: "count"}}}, Result: &NamedType{Name: "string"}}, "function(i:count) : string"},
		{&FuncType{Kind: Event, Params: []*Param{{Name: "c", Type: &NamedType{Name: "connection"}}}}, "event(c:connection)"},
		{&OpaqueType{Name: "x"}, "opaque of x"},
		{&EnumType{Names: []*EnumName{{Name: "A"}, {Name: "B"}}}, "enum { A, B }"},
		{&FuncType{Kind: Function, Params: []*Param{{Name: "s", Type: &NamedType{Name: "string"}}}, Variadic: true, Result: &NamedType{Name: "bool"}}, "function(s:string, ...) : bool"},
		{&SetType{Index: []TypeExpr{&NamedType{Name: "addr"}, &NamedType{Name: "port"}}}, "set[addr,port]"},
	} {
		if got := FormatType(tc.t); got != tc.want {
			t.Errorf("FormatType = %q, want %q", got, tc.want)
		}
	}
}

func TestFormatInterval(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "0 secs"},
		{8.5 * 86400, "8.0 days 12.0 hrs"},
		{5.5, "5.0 secs 500.0 msecs"},
		{3.5e-6, "3.5 usecs"},
		{-60, "-1.0 min"},
		{2*86400 + 2, "2.0 days 2.0 secs"},
	} {
		if got := FormatInterval(tc.v); got != tc.want {
			t.Errorf("FormatInterval(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestCountLitValue(t *testing.T) {
	for _, tc := range []struct {
		lit  string
		want uint64
		err  bool
	}{
		{"0", 0, false},
		{"010", 10, false},
		{"0x10", 16, false},
		{"0XfF", 255, false},
		{"18446744073709551615", 1<<64 - 1, false},
		{"18446744073709551616", 0, true},
	} {
		got, err := CountLitValue(tc.lit)
		if (err != nil) != tc.err || !tc.err && got != tc.want {
			t.Errorf("CountLitValue(%q) = %d, %v", tc.lit, got, err)
		}
	}
}

// TestFormatEqOrder: Zeek orders the operands of == and != by the kind of
// expression (a name, then a constant, ..., then calls), and a pattern
// constant always goes first.
func TestFormatEqOrder(t *testing.T) {
	call := &CallExpr{Fun: id("f"), Args: []Expr{id("a")}}
	for _, tc := range []struct {
		e    Expr
		want string
	}{
		{&BinaryExpr{Op: "==", X: call, Y: lit(LitString, "2")}, "f(a) == 2"},
		{&BinaryExpr{Op: "==", X: lit(LitString, "2"), Y: call}, "f(a) == 2"},
		{&BinaryExpr{Op: "!=", X: id("x"), Y: lit(LitCount, "1")}, "1 != x"},
		{&BinaryExpr{Op: "==", X: id("x"), Y: &UnaryExpr{Op: "-", X: lit(LitCount, "1")}}, "-1 == x"},
		{&BinaryExpr{Op: "==", X: &FieldExpr{X: id("r"), Name: "a"}, Y: id("y")}, "r$a == y"},
		{&BinaryExpr{Op: "==", X: id("y"), Y: &FieldExpr{X: id("r"), Name: "a"}}, "r$a == y"},
		{&BinaryExpr{Op: "==", X: call, Y: lit(LitPattern, "a")}, "/^?(a)$?/ == f(a)"},
		{&BinaryExpr{Op: "==", X: lit(LitPattern, "a"), Y: call}, "/^?(a)$?/ == f(a)"},
	} {
		if got := Format(tc.e); got != tc.want {
			t.Errorf("Format = %q, want %q", got, tc.want)
		}
	}
}

func TestFormatQuoted(t *testing.T) {
	cond := &BinaryExpr{Op: "==", X: &CallExpr{Fun: id("fmt"), Args: []Expr{lit(LitString, "%s"), lit(LitCount, "1")}}, Y: lit(LitString, "2")}
	if got, want := FormatQuoted(cond), `fmt("%s", 1) == "2"`; got != want {
		t.Errorf("FormatQuoted = %q, want %q", got, want)
	}
	if got, want := Format(cond), `fmt(%s, 1) == 2`; got != want {
		t.Errorf("Format = %q, want %q", got, want)
	}
	in := &BinaryExpr{Op: "in", X: lit(LitString, "a\x00\"b"), Y: id("tbl")}
	if got, want := FormatQuoted(in), `"a\x00"b" in tbl`; got != want {
		t.Errorf("FormatQuoted = %q, want %q", got, want)
	}
	x := id("x")
	coerce := FormatOptions{Coerce: func(e Expr) string {
		if e == x {
			return "double"
		}
		return ""
	}}
	if got, want := FormatWith(&BinaryExpr{Op: "+", X: x, Y: lit(LitDouble, "1.5")}, coerce), "(coerce x to double) + 1.5"; got != want {
		t.Errorf("FormatWith = %q, want %q", got, want)
	}
}
