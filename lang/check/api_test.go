package check_test

import (
	"testing"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/types"
)

func TestCondAndDefined(t *testing.T) {
	got, c := run(t, `
const Cluster::enable = F &redef;
const Cluster::n = 3 &redef;
module Cluster;
global hidden = 1;
module GLOBAL;
redef Cluster::enable = T;
type E: enum { ONE, TWO };
const which = TWO;
`)
	if len(got) > 0 {
		t.Fatalf("diagnostics: %v", got)
	}
	for _, name := range []string{"Cluster::enable", "Cluster::n", "which", "ONE", "E", "fmt", "GLOBAL::which", "::which"} {
		if !c.Defined(name) {
			t.Errorf("Defined(%q) = false", name)
		}
	}
	if c.Defined("nope") || c.Defined("Cluster::nope") {
		t.Error("Defined(nope) = true")
	}
	for _, tc := range []struct {
		src  string
		want bool
		err  bool
	}{
		{"Cluster::enable", true, false},
		{"Cluster::n * 2 + 1 == 7", true, false},
		{"010 == 10 && 0x10 == 16", true, false}, // no octal
		{"7 / 2 == 3 && 7 % 2 == 1 && -7 / 2 == -3 && 1.5sec / 0.5sec == 3.0", true, false},
		{"1 / 0 == 0", false, true},
		{"which == TWO && ! (1 > 2)", true, false},
		{`"a" in "cat"`, true, false},
		{"2 in set(1, 3)", false, false},
		{`getenv("GOBRO_SURELY_UNSET_VAR") == ""`, true, false},
		{`fmt("x") == "x"`, false, true},
		{"1 + 1", false, true},
	} {
		e := parseExpr(t, tc.src)
		v, err := c.CondExpr(e)
		if (err != nil) != tc.err || (err == nil && v != tc.want) {
			t.Errorf("CondExpr(%s) = %v, %v", tc.src, v, err)
		}
	}
}

// parseExpr parses src as the expression of a top-level print statement.
func parseExpr(t *testing.T, src string) ast.Expr {
	decls := parseDecls(t, "print "+src+";")
	return decls[0].(*ast.StmtDecl).Stmt.(*ast.PrintStmt).Args[0]
}

func TestProgram(t *testing.T) {
	got, c := run(t, `
global counter = 0;
global e: event(a: count, b: string);
global e: event(b: string);
event e(b: string) &priority=5 { local x = b; print x; }
event e(n: count, s: string) { local y = n + 1; local z = function[y](q: count): count { return q + y; }; print z(s == "" ? 1 : 2); }
function plus(a: count, b: count &default=1): count { return a + b; }
event zeek_init() { counter = plus(counter); event e(1, "x"); }
`)
	if len(got) > 0 {
		t.Fatalf("diagnostics: %v", got)
	}
	p := c.Program()
	counter := p.Lookup("counter")
	if counter == nil || counter.Kind != check.GlobalVar || counter.Type != types.CountType || p.Globals[counter.Slot] != counter {
		t.Fatalf("counter: %+v", counter)
	}
	e := p.Lookup("e")
	if e == nil || e.Func == nil || len(e.Func.Protos) != 2 || len(e.Func.Bodies) != 2 {
		t.Fatalf("event e: %+v", e)
	}
	b0, b1 := e.Func.Bodies[0], e.Func.Bodies[1]
	if b0.Priority != 5 || b0.Proto != e.Func.Protos[1] || len(b0.ArgMap) != 1 || b0.ArgMap[0] != 1 {
		t.Errorf("alternate handler: prio %d argmap %v", b0.Priority, b0.ArgMap)
	}
	if b1.Proto != e.Func.Type || b1.NumSlots() != 4 || b1.Params[0].Name != "n" {
		t.Errorf("positional handler: slots %d", b1.NumSlots())
	}
	if len(p.Lambdas) != 1 {
		t.Fatalf("lambdas: %d", len(p.Lambdas))
	}
	for _, lb := range p.Lambdas {
		if len(lb.Captures) != 1 || lb.Captures[0].Outer.Name != "y" || lb.Captures[0].Inner.Slot != 0 || lb.Params[0].Slot != 1 {
			t.Errorf("lambda captures %+v", lb.Captures)
		}
	}
	init := p.Lookup("zeek_init")
	if init == nil || len(init.Func.Bodies) != 1 {
		t.Fatal("zeek_init")
	}
	// Every identifier in the bodies is resolved.
	for id, s := range p.Uses {
		if s == nil {
			t.Errorf("unresolved %s", id.Name)
		}
	}
}

func TestWhenCaptures(t *testing.T) {
	got, c := run(t, `
event zeek_init() {
	local a = 1; local b = "x";
	when ( local r = a + 1 ) { print r, b; }
	when [a] ( a > 0 ) { print a; }
}`)
	want := []string{}
	if len(got) != len(want) {
		t.Fatalf("diagnostics: %v", got)
	}
	for w, caps := range c.Program().Whens {
		n := 2
		if w.HasCaptures {
			n = 1
		}
		if len(caps) != n {
			t.Errorf("when captures: %d, want %d", len(caps), n)
		}
	}
}

// TestExport builds the export block by hand (independent of the parser).
func TestExport(t *testing.T) {
	decls := parseDecls(t, `module M; global shown = 1; global hidden = 2; module N; print M::shown, M::hidden;`)
	// Wrap "global shown" into export { }.
	decls[1] = &ast.ExportDecl{Decls: []ast.Decl{decls[1]}}
	var out []string
	c, diags := newChecker()
	for _, d := range decls {
		c.Decl(d)
	}
	for _, d := range diags.Items {
		out = append(out, d.Header())
	}
	if len(out) != 1 || out[0] != "error in F, line 1: identifier is not exported: M::hidden" {
		t.Fatalf("got %v", out)
	}
}
