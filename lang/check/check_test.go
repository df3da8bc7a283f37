package check_test

import (
	"strings"
	"testing"

	"github.com/gobro/gobro/builtins"
	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/check"
	"github.com/gobro/gobro/lang/diag"
	"github.com/gobro/gobro/lang/parser"
)

// run parses and checks src as file "F" and returns the diagnostic lines.
func run(t testing.TB, src string) ([]string, *check.Checker) {
	var diags diag.List
	decls := parser.ParseFile("F", []byte(src), &diags)
	for _, d := range diags.Items {
		t.Fatalf("parse error: %s\n%s", d.Header(), src)
	}
	c := check.New(check.Options{Diags: &diags, Builtins: builtins.Decls, ParseFuncType: parser.ParseFuncType})
	for _, d := range decls {
		c.Decl(d)
	}
	c.Finish()
	var out []string
	for _, d := range diags.Items {
		out = append(out, d.Header())
	}
	return out, c
}

func TestOK(t *testing.T) {
	for _, src := range okScripts {
		got, _ := run(t, src)
		if len(got) > 0 {
			t.Errorf("script:\n%s\nunexpected diagnostics:\n%s", src, strings.Join(got, "\n"))
		}
	}
}

func TestErrors(t *testing.T) {
	for _, tc := range errorCases {
		got, _ := run(t, tc.src)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("script:\n%s\ngot:\n%s\nwant:\n%s", tc.src, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

var okScripts = []string{
	`global x = 0; global y: int = x; global z: double = y + 1.5;`,
	`type R: record { a: count; b: string &optional; c: port &default=80/tcp; };
	 global r: R = [$a=1];
	 global s = R($a=2, $b="x");
	 event zeek_init() { print r$a, r?$b, s$c; }`,
	`module M; global e: event(a: count, b: string); global e: event(b: string);
	 event e(a: count, b: string) { print a, b; }
	 event e(b: string) { print b; }
	 event e(x: count, y: string) { print x, y; }`,
	`global t: table[string] of count = table(["a"] = 1) &redef;
	 redef t += { ["b"] = 2 };
	 global s: set[addr] = { 1.2.3.4 } &redef;
	 redef s += { 5.6.7.8 };`,
	`type E: enum { A, B }; redef enum E += { C };
	 function f(e: E): count { return |e|; }
	 event zeek_init() { local v = vector(1, 2); v += 3; for (i in v) print i; for (i, x in v) print x + i; }`,
	`function f(i: count, s: string &default="x"): string { return fmt("%d %s", i, s); }
	 event zeek_init() { print f(1), f(2, "y"); local t = network_time(); local d = t - t; print d / 1sec; }`,
	`event zeek_init() &priority=-5 { local x = 1; when ( local y = x ) { print y; } timeout 1sec { print "t"; } }`,
	`global h: hook(c: count);
	 hook h(c: count) { if ( c > 1 ) break; }
	 event zeek_init() { if ( hook h(1) ) print "ok"; hook h(2); }`,
	`event zeek_init() { local a: any = 1; switch ( a ) { case type count as c: print c; break; case type string: fallthrough; default: print "x"; break; } }`,
	`event zeek_init() { local x = 3; local f = function[x](y: count): count { return x + y; }; print f(1); }`,
	`const c = 5 &redef; redef c = 6; option o = T;`,
	`event zeek_init() { local s: set[string, count]; add s["a", 1]; delete s["a", 1]; print ["a", 1] in s; local p = /foo/; print p in "xfoo", "a" in "abc", 1.2.3.4 in 1.2.3.0/24; }`,
	`type R: record { a: count; }; redef record R += { b: string &optional; }; event zeek_init() { local r: R = [$a=1]; r$b = "x"; delete r$b; }`,
	`event zeek_init() { local x = 3; x += 1; ++x; local s = "a"; s += "b"; print |s|, s[0], s[1:2]; print x > 2 ? x : 5; }`,
}

var errorCases = []struct {
	src  string
	want []string
}{
	{`global x = 1;
global x = 2;`, []string{"error in F, line 1 and F, line 2: already defined (x)"}},
	{`type MySet: set[port];
event zeek_init() { local lea: MySet = set(1003); }`, []string{
		"error in port and F, line 2: arithmetic mixed with non-arithmetic (port and 1003)",
		"error in F, line 2 and port: type mismatch (1003 and port)",
		"error in F, line 2: inconsistent type in set constructor (set(1003))",
		"error in F, line 2: type clash in assignment (lea = set(1003))",
	}},
	{`global foo: event(s: string);
event zeek_init() { event foo(42); }`, []string{
		"error in string and F, line 2: arithmetic mixed with non-arithmetic (string and 42)",
		"error in F, line 2 and string: type mismatch (42 and string)",
		"error in F, line 2: argument type mismatch in event invocation (foo(42))",
	}},
	{`type info2: record { str: string; cnt: count; };
event zeek_init() { local i = info2($str="hello"); }`, []string{
		`error in F, line 2: mandatory field "cnt" missing (info2($str=hello))`,
	}},
	{`type myrec: record { a: string; b: count; };
global r: myrec = [$a="test", $b=42, $wtf=1sec];`, []string{
		`error in F, line 2: orphaned field "wtf" in record coercion ((coerce [$a=test, $b=42, $wtf=1.0 sec] to myrec))`,
	}},
	{`type MyRec: record { a: port; };
global grea: MyRec = [$a = 3];`, []string{
		`error in F, line 2 and count: type clash for field "a" ((coerce [$a=3] to MyRec) and count)`,
	}},
	{`event zeek_init() { local s = "a"; local ss = 1.2.3.4; print T ? s : ss; }`, []string{
		"error in F, line 1: operands must be of the same type (T ? s : ss)",
	}},
	{`global a: int &optional;`, []string{
		"error in F, line 1: &optional is only valid for record fields (&optional)",
	}},
	{`event zeek_init() { local vec = vector(1); ++vec; }`, []string{
		"error in F, line 1: requires an integral operand (++vec)",
	}},
	{`global t = table("SSH" = 22/tcp, "HTTPS" = 443/tcp);`, []string{
		"error in F, line 1: cannot determine type for table; ensure square brackets are around each key (table(SSH = 22/tcp, HTTPS = 443/tcp))",
	}},
	{`global i = -9223372036854775809;`, []string{
		"error in F, line 1: literal is outside range of 'int' values (-9223372036854775809)",
	}},
	{`event zeek_init() { local x = vector(); }`, []string{
		"error in F, line 1: empty constructor in untyped initialization (vector())",
	}},
	{`global c: count = "x"; type Color: enum { RED }; global k: Color = 1;
event zeek_init() { local v = vector(1); v += "a"; local s = "ab"; s[0] = "x"; switch ( 1 ) { case 1: print 1; case 2: break; } }
function f(): count { return; }`, []string{
		"error in F, line 1: assignment of non-arithmetic value to arithmetic (count/string) (c = x)",
		"error in F, line 1: can't convert to/from enumerated type (k = 1)",
		"error in F, line 2: appending non-arithmetic to arithmetic vector (v += a)",
		"error in F, line 2: cannot assign to string index expression (s[0])",
		"error in F, line 2: case block must end in break/fallthrough/return statement",
		"error in F, line 3: return statement needs expression",
	}},
	{`event zeek_init() { print nope; }`, []string{`error in F, line 1: unknown identifier nope, at or near "nope"`}},
	{`global x: MyEnumTypo;`, []string{"error in F, line 1: identifier not defined: MyEnumTypo"}},
	{`event zeek_init() { 2 + 2; }`, []string{"warning in F, line 1: expression value ignored (2 + 2)"}},
	{`type R: record { a: count; }; event zeek_init() { local r: R = [$a=1]; print r$b; }`, []string{
		"error in F, line 1: no such field in record (r$b)",
	}},
	{`const c = 1; event zeek_init() { c = 2; }`, []string{"error in F, line 1: const is not a modifiable lvalue (c)"}},
	{`global x = 1; redef x = 2; redef y = 3;`, []string{
		"error in F, line 1 and F, line 1: already defined (x)",
		`error in F, line 1: "redef" used but not previously defined (y)`,
	}},
	{`type R: record { a: count; }; redef record R += { b: count; };`, []string{
		"error in F, line 1: extension field must be &optional or have &default (b)",
	}},
	{`module A; global hidden = 1; module B; event zeek_init() { print A::hidden; }`, []string{
		"error in F, line 1: identifier is not exported: A::hidden",
	}},
	{`function f(): count { return 1; } function f(): count { return 2; }`, []string{
		"error in F, line 1: already defined (f)",
	}},
	{`event zeek_init() { break; }`, []string{
		"error in F, line 1: break statement used outside of for, while or switch statement and not within a hook",
	}},
	{`global Broker::keys: function(h: count): count;
event zeek_init() { local x = 1; when ( local r = Broker::keys(x) ) { print r; } }
event zeek_done() { local x = 1; when [x] ( local r = Broker::keys(x) ) { print r; } timeout 1sec { print x; } }`, []string{
		"error in F, line 2: asynchronous store queries in a when condition require a timeout",
	}},
	{`event zeek_init() { local s = set(1); print s + 1, undefined_x + 1; }`, []string{
		"error in F, line 1: requires arithmetic operands (s + 1)",
		`error in F, line 1: unknown identifier undefined_x, at or near "undefined_x"`,
	}},
	{`global f: function(a: count): count; event zeek_init() { print f("x"), f(1, 2); }`, []string{
		"error in count and F, line 1: arithmetic mixed with non-arithmetic (count and x)",
		"error in F, line 1 and count: type mismatch (x and count)",
		"error in F, line 1: argument type mismatch in function call (f(x))",
		"error in F, line 1: argument type mismatch in function call (f(1, 2))",
	}},
	{`event zeek_init() { local t: table[count] of string = table(); t[1] = 5; }`, []string{
		"error in F, line 1: type clash in assignment (t[1] = 5)",
	}},
}

func parseDecls(t testing.TB, src string) []ast.Decl {
	var diags diag.List
	decls := parser.ParseFile("F", []byte(src), &diags)
	for _, d := range diags.Items {
		t.Fatalf("parse error: %s\n%s", d.Header(), src)
	}
	return decls
}

func newChecker() (*check.Checker, *diag.List) {
	diags := &diag.List{}
	return check.New(check.Options{Diags: diags, Builtins: builtins.Decls, ParseFuncType: parser.ParseFuncType}), diags
}
