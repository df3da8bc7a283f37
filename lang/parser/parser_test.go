package parser

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/diag"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGolden parses testdata/parser/*.zeek and compares the AST dump (and
// any syntax errors) with the .ast golden beside each script.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/parser/*.zeek")
	if len(files) == 0 {
		t.Fatal("no parser test scripts")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			d := &diag.List{}
			name := "./" + filepath.Base(f)
			decls := ParseFile(name, src, d)
			var b strings.Builder
			for _, x := range decls {
				b.WriteString(ast.Dump(x))
				b.WriteString("\n")
			}
			d.Print(&b, func(string) []byte { return src })
			golden := strings.TrimSuffix(f, ".zeek") + ".ast"
			if *update {
				os.WriteFile(golden, []byte(b.String()), 0o644)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden (run with -update): %v", err)
			}
			if b.String() != string(want) {
				t.Errorf("AST differs from %s:\n%s", golden, firstDiff(b.String(), string(want)))
			}
		})
	}
}

func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + a + "\nwant: " + b
		}
	}
	return ""
}

// TestPrecedence checks Zeek's operator precedence and associativity by
// rendering the parse tree with explicit parentheses.
func TestPrecedence(t *testing.T) {
	tests := []struct{ src, want string }{
		{"a + b * c", "(a + (b * c))"},
		{"a * b + c", "((a * b) + c)"},
		{"a - b - c", "((a - b) - c)"},
		{"a = b = c", "(a = (b = c))"},
		{"a || b && c", "(a || (b && c))"},
		{"a == b && c != d", "((a == b) && (c != d))"},
		{"a in b == c", "((a in b) == c)"},
		{"a | b ^ c & d", "(a | (b ^ (c & d)))"},
		{"a << 1 + 2", "(a << (1 + 2))"},
		{"a ? b : c ? d : e", "(a ? b : (c ? d : e))"},
		{"x = a ? b : c", "(x = (a ? b : c))"},
		{"-a * b", "((-a) * b)"},
		{"!a && b", "((!a) && b)"},
		{"-x as int", "(-(x as int))"},
		{"r$a$b", "((r$a)$b)"},
		{"r?$a && t[1] == 2", "((r?$a) && ((t[1]) == 2))"},
		{"f(1)(2)", "((f(1))(2))"},
		{"|a| + 1", "(|a| + 1)"},
		{"a !in b || c", "((a !in b) || c)"},
		{"++i + 1", "((++i) + 1)"},
		{"s[1:2] + s[:-1]", "((s[1:2]) + (s[:(-1)]))"},
		{"p1 & p2 | p3", "((p1 & p2) | p3)"},
		{"x += y - 1", "(x += (y - 1))"},
	}
	for _, tc := range tests {
		d := &diag.List{}
		decls := ParseFile("t.zeek", []byte(tc.src+";"), d)
		if len(d.Items) > 0 || len(decls) != 1 {
			t.Errorf("%s: %v", tc.src, d.Items)
			continue
		}
		x := decls[0].(*ast.StmtDecl).Stmt.(*ast.ExprStmt).X
		if got := paren(x); got != tc.want {
			t.Errorf("%s: got %s want %s", tc.src, got, tc.want)
		}
	}
}

func paren(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.BasicLit:
		return x.Value
	case *ast.BinaryExpr:
		return "(" + paren(x.X) + " " + x.Op + " " + paren(x.Y) + ")"
	case *ast.AssignExpr:
		return "(" + paren(x.LHS) + " " + x.Op + " " + paren(x.RHS) + ")"
	case *ast.UnaryExpr:
		return "(" + x.Op + paren(x.X) + ")"
	case *ast.IncrExpr:
		return "(" + x.Op + paren(x.X) + ")"
	case *ast.CondExpr:
		return "(" + paren(x.Cond) + " ? " + paren(x.Then) + " : " + paren(x.Else) + ")"
	case *ast.CastExpr:
		return "(" + paren(x.X) + " as " + x.Type.(*ast.NamedType).Name + ")"
	case *ast.FieldExpr:
		return "(" + paren(x.X) + "$" + x.Name + ")"
	case *ast.HasFieldExpr:
		return "(" + paren(x.X) + "?$" + x.Name + ")"
	case *ast.IndexExpr:
		var parts []string
		for _, i := range x.Index {
			parts = append(parts, paren(i))
		}
		return "(" + paren(x.X) + "[" + strings.Join(parts, ", ") + "])"
	case *ast.SliceExpr:
		lo, hi := "", ""
		if x.Lo != nil {
			lo = paren(x.Lo)
		}
		if x.Hi != nil {
			hi = paren(x.Hi)
		}
		return "(" + paren(x.X) + "[" + lo + ":" + hi + "])"
	case *ast.CallExpr:
		var parts []string
		for _, a := range x.Args {
			parts = append(parts, paren(a))
		}
		return "(" + paren(x.Fun) + "(" + strings.Join(parts, ", ") + "))"
	case *ast.SizeExpr:
		return "|" + paren(x.X) + "|"
	}
	return "?"
}

func TestSyntaxErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"print $foo=5;", `error in t.zeek, line 1: syntax error, at or near "$"`},
		{"local x = 1 +;", `error in t.zeek, line 1: syntax error, at or near ";"`},
		{"event e() { print }", `error in t.zeek, line 1: syntax error, at or near "}"`},
		{"}", `error in t.zeek, line 1: syntax error, at or near "}"`},
		{"global x: count", `error in t.zeek, line 1: syntax error, at or near "end of declaration"`},
		{"event e() {\n print 1;\n", `error: syntax error, at end of file t.zeek`},
		{"if ( x ) print 1 else print 2;", `error in t.zeek, line 1: syntax error, at or near "else"`},
		{"global t = table(\"a\" = 1;", `error in t.zeek, line 1: syntax error, at or near ";"`},
	}
	for _, tc := range tests {
		d := &diag.List{}
		ParseFile("t.zeek", []byte(tc.src), d)
		if len(d.Items) == 0 {
			t.Errorf("%q: no error, want %s", tc.src, tc.want)
			continue
		}
		if got := d.Items[0].Header(); got != tc.want {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}

// TestRecovery: a syntax error skips only its own declaration.
func TestRecovery(t *testing.T) {
	d := &diag.List{}
	decls := ParseFile("t.zeek", []byte("global a = 1;\nglobal b = ;\nglobal c = 3;\nevent e() { x = ; }\nprint 4;\n"), d)
	if len(decls) != 3 || len(d.Items) != 2 {
		t.Fatalf("got %d decls, %d errors; want 3 and 2", len(decls), len(d.Items))
	}
}

func TestParseFuncType(t *testing.T) {
	ft, err := ParseFuncType("fmt", "function(...): string")
	if err != nil || !ft.Variadic || len(ft.Params) != 0 {
		t.Fatalf("fmt: %v %+v", err, ft)
	}
	ft, err = ParseFuncType("x", "function(s: string, n: count &default=3): vector of string")
	if err != nil || len(ft.Params) != 2 || ft.Params[1].Attrs[0].Name != "default" {
		t.Fatalf("x: %v %+v", err, ft)
	}
	if _, err := ParseFuncType("bad", "function(s string)"); err == nil {
		t.Fatal("bad signature accepted")
	}
}

func BenchmarkParse(b *testing.B) {
	src := []byte(strings.Repeat(`event foo(c: connection) &priority=5
	{
	local x = c$id$orig_h;
	if ( x in 10.0.0.0/8 && |c$service| > 0 )
		print fmt("%s %d", x, 42 + 3 * 7);
	for ( s in c$service ) { next; }
	}
`, 500))
	b.SetBytes(int64(len(src)))
	for i := 0; i < b.N; i++ {
		d := &diag.List{}
		ParseFile("b.zeek", src, d)
		if len(d.Items) > 0 {
			b.Fatal(d.Items[0])
		}
	}
}
