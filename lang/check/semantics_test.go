package check_test

import (
	"strings"
	"testing"

	"github.com/gobro/gobro/lang/ast"
	"github.com/gobro/gobro/lang/types"
)

// TestZeekSemantics pins checker rules taken from Zeek's own, each with the
// diagnostics it gives (none for a script Zeek accepts).
func TestZeekSemantics(t *testing.T) {
	for _, tc := range []struct {
		name string
		src  string
		want []string
	}{
		{
			// A leading zero is not octal: 0777777777777777777777 is a
			// decimal too large for a count.
			name: "count literal is decimal",
			src:  `global big = 0777777777777777777777; global ten: count = 010;`,
			want: []string{"error in F, line 1: literal is outside range of 'count' values (0777777777777777777777)"},
		},
		{
			// |x| is a double for double, time, interval and subnet, any for
			// any, and a count for everything else (a pattern included).
			name: "size types",
			src: `event zeek_init() { local t = network_time(); local d: double = |t - t|; local s: double = |1.2.3.0/24|;
local a: any = 1; local x: any = |a|; local n: count = |/a/|; local i: interval = |-1 min|; }`,
			want: []string{"error in F, line 2: type clash in assignment (i = |-1.0 min|)"},
		},
		{
			// [$a=1] is a record constructor, so it is one index value.
			name: "record in set",
			src:  `type R: record { a: count; }; global s: set[R]; event zeek_init() { print [$a=1] in s, [$a=2] !in s; }`,
		},
		{
			// A function with "return when" is asynchronous: it may be
			// called only in a when condition, even when its body comes
			// after the call.
			name: "return when makes a function asynchronous",
			src: `global early: function(): string;
event zeek_init() { print early(); when ( local r = early() ) { print r; } }
function early(): string { return when ( local n = lookup_addr(1.2.3.4) ) { return n; } }`,
			want: []string{`error in F, line 2: function with "return when" called outside of a when condition (early())`},
		},
		{
			// Bro's lifecycle event names still work, with Zeek 3.0's
			// deprecation warning.
			name: "bro_init is deprecated",
			src:  `event bro_init() &priority=-5 { print 1; } event bro_done() { print 2; }`,
			want: []string{
				"warning in F, line 1: deprecated (bro_init): use zeek_init",
				"warning in F, line 1: deprecated (bro_done): use zeek_done",
			},
		},
		{
			// "event bro_done()" raises zeek_done: the Bro names are the
			// Zeek events, not events of their own.
			name: "raising bro_done",
			src:  `event zeek_done() { } event zeek_init() { event bro_done(); }`,
		},
		{
			// Bro-era lambdas capture outer locals implicitly: accepted,
			// with a deprecation warning per captured name.
			name: "implicit lambda capture",
			src: `event zeek_init() { local x = 1; local y = 2;
local f = function(): count { return x + y + x; }; }`,
			want: []string{
				"warning in F, line 2: deprecated (x): implicit capture in a lambda without a capture list, write function[x](...)",
				"warning in F, line 2: deprecated (y): implicit capture in a lambda without a capture list, write function[y](...)",
			},
		},
		{
			// "$f(params) = { body }" gives a function-valued field; its
			// result comes from the field's type when not written.
			name: "function field shorthand",
			src: `type Cfg: record { limit: count; check: function(k: string, n: count): bool &optional;
label: function(k: string): string &optional; };
global cfg = Cfg($limit=3, $check(k: string, n: count) = { return n > 2; }, $label(k: string): string = { return k; });
global bad = Cfg($limit=1, $check(k: string, n: count) = { return "no"; });`,
			want: []string{`error in F, line 4: return type mismatch (no)`},
		},
		{
			// &priority and &group belong to handlers, whatever the value.
			name: "handler attributes on a function",
			src:  `function f() &priority=0 { } function g() &group="x" { }`,
			want: []string{
				"error in F, line 1: &priority is only valid for event and hook handlers (&priority=0)",
				"error in F, line 1: &group is only valid for event and hook handlers (&group=x)",
			},
		},
		{
			// Unary minus (and plus) on a vector of count works element-wise
			// with the scalar rule: the result is a vector of int.
			name: "negated vector of count",
			src: `event zeek_init() { local v = vector(1, 2); local n: vector of int = -v; local p: vector of int = +v;
local c: vector of count = -v; local d = vector(1.5); local e: vector of double = -d; }`,
			want: []string{"error in F, line 2: type clash in assignment (c = -v)"},
		},
		{
			// Any vector goes where a vector of any is wanted: arguments,
			// assignments, initializers and return values.
			name: "vector into vector of any",
			src: `function f(v: vector of any): count { return |v|; }
function g(): vector of any { local s = vector("a"); return s; }
global va: vector of any;
event zeek_init() { local vc = vector(1, 2, 3); print f(vc), f(vector(T)); va = vc; local vb: vector of any = vc; }`,
		},
		{
			// The reverse is not a promotion.
			name: "vector of any into vector of count",
			src:  `global va: vector of any; event zeek_init() { local vc: vector of count = va; }`,
			want: []string{"error in F, line 1: type clash in assignment (vc = va)"},
		},
		{
			// "global f: function(...)" is a variable of function type: a
			// lambda of that type may be assigned to it, at top level or in
			// a body; events, hooks and BIFs stay unassignable.
			name: "assign a lambda to a function global",
			src: `global f: function(x: count): count;
f = function(x: count): count { return x; };
event zeek_init() { f = function(x: count): count { return x + 1; }; print f(2); }
global e: event(x: count);
event zeek_init() { e = function(x: count) { }; to_lower = function(s: string): string { return s; }; }
event zeek_init() { f = function(x: string): count { return 0; }; }`,
			want: []string{
				"error in F, line 5: illegal assignment target (e)",
				"error in F, line 5: illegal assignment target (to_lower)",
				"error in F, line 6: type clash in assignment (f = function(x:string) : count)",
			},
		},
		{
			// A set among the values of a constructor index stands for its
			// members: the constructor holds the cross product.
			name: "cross-product constructors",
			src: `global s: set[string, count] = { [set("a", "b"), 1], ["c", 2] };
global t: table[string, count] of double = { [set("a", "b"), 1] = 2.0 };
global u = { [set("a", "b"), set(1, 2)] };
global w: set[string, count] = u;
global p: set[port] = { [set(80/tcp, 8080/tcp)] };
global bad: set[string, count] = { [set(1, 2), 1] };`,
			want: []string{
				"error in F, line 6 and string: type mismatch (set(1, 2) and string)",
				"error in F, line 6: inconsistent type in set constructor ({[set(1, 2), 1]})",
				"error in F, line 6: type clash in assignment (bad = {[set(1, 2), 1]})",
			},
		},
		{
			// Zeek asks every case block, the last and empty ones included,
			// to end in break, fallthrough or return; next is not enough,
			// even inside a loop.
			name: "case block ending in next",
			src: `event zeek_init() { for ( i in vector(1, 2) ) { switch ( i ) { case 0: next; default: break; } } }
event zeek_init() { switch ( 1 ) { case 1: print 1; break; default: print 2; } }
event zeek_init() { switch ( 1 ) { case 1: case 2: break; } }`,
			want: []string{
				"error in F, line 1: case block must end in break/fallthrough/return statement",
				"error in F, line 2: case block must end in break/fallthrough/return statement",
				"error in F, line 3: case block must end in break/fallthrough/return statement",
			},
		},
		{
			// A vector slice may be assigned a vector of its type; a string
			// slice may not.
			name: "slice assignment",
			src: `event zeek_init() { local v = vector(1, 2, 3); v[1:2] = vector(9); v[:1] = vector("x");
local s = "abc"; s[0:1] = "x"; }`,
			want: []string{
				"error in count and F, line 1: arithmetic mixed with non-arithmetic (count and x)",
				"error in F, line 1 and count: type mismatch (x and count)",
				"error in F, line 1: inconsistent types in vector constructor (vector(x))",
				`error in F, line 1: type clash in assignment (v[:1] = vector(x))`,
				"error in F, line 2: cannot assign to string index expression (s[0:1])",
			},
		},
		{
			// [[k] = v, ...] initializes a table where one is wanted.
			name: "table from a bracketed list",
			src: `global t: table[string] of count = [ ["a"] = 1, ["b"] = 2, ];
global m: table[string, count] of bool = [ ["a", 1] = T ];
global bad: table[string] of count = [ ["a"] = "x" ];`,
			want: []string{
				"error in count and F, line 3: arithmetic mixed with non-arithmetic (count and x)",
				"error in F, line 3 and count: type mismatch (x and count)",
				"error in F, line 3: inconsistent type in table constructor ([[a] = x])",
				"error in F, line 3: type clash in assignment (bad = [[a] = x])",
			},
		},
	} {
		got, _ := run(t, tc.src)
		if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s:\n%s\ngot:\n%s\nwant:\n%s", tc.name, tc.src, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestBroInitAlias: a bro_init handler is a handler of zeek_init.
func TestBroInitAlias(t *testing.T) {
	_, c := run(t, `event bro_init() { print 1; } event zeek_init() { print 2; }`)
	init := c.Program().Lookup("zeek_init")
	if init == nil || init.Func == nil || len(init.Func.Bodies) != 2 {
		t.Fatalf("zeek_init: %+v", init)
	}
}

// TestCrossProductAnnotation pins what the compiler is told about a
// cross-product constructor: every set standing for its members is in
// Program.Expand with the index type of its place, and keeps its own type
// in Program.Types.
func TestCrossProductAnnotation(t *testing.T) {
	src := `global s: set[string, double] = { [set("a", "b"), set(1, 2)], ["c", 3.0] };
global u = { [set(1, 2), set(-1)] };
global t: table[count] of string = { [set(1, 2)] = "x" };`
	got, c := run(t, src)
	if len(got) > 0 {
		t.Fatalf("diagnostics: %v", got)
	}
	p := c.Program()
	want := map[string]string{
		`set(a, b)`: "string", `set(1, 2)`: "double", // s: count members widen to double
		`set(-1)`: "int", // u: inferred set[count, int], set(1, 2) is counted below
	}
	n := 0
	for e, to := range p.Expand {
		text := ast.Format(e)
		n++
		switch text {
		case "set(1, 2)":
			// s (double), u (count) and t (count).
			if k := to.Kind(); k != types.Double && k != types.Count {
				t.Errorf("Expand[%s] = %s", text, to)
			}
		default:
			if want[text] != to.String() {
				t.Errorf("Expand[%s] = %s, want %s", text, to, want[text])
			}
		}
		if st, ok := p.Types[e].(*types.TableType); !ok || !st.IsSet() {
			t.Errorf("Types[%s] = %v, want a set", text, p.Types[e])
		}
	}
	if n != 5 {
		t.Errorf("%d expanded values, want 5", n)
	}
	if u := p.Lookup("u"); u == nil || u.Type.String() != "set[count,int]" {
		t.Errorf("u: %v", u.Type)
	}
}

// TestAssignedFunction: a function global that is assigned is marked, so
// calls go through its slot.
func TestAssignedFunction(t *testing.T) {
	got, c := run(t, `global f: function(x: count): count; global g: function(x: count): count;
function g(x: count): count { return x; }
f = function(x: count): count { return x; };`)
	if len(got) > 0 {
		t.Fatalf("diagnostics: %v", got)
	}
	p := c.Program()
	if f := p.Lookup("f"); f == nil || f.Func == nil || !f.Func.Assigned {
		t.Errorf("f not marked assigned")
	}
	if g := p.Lookup("g"); g == nil || g.Func == nil || g.Func.Assigned {
		t.Errorf("g marked assigned")
	}
}

// TestRedefFunction: a &redef function may be redefined to another one
// (calls then go through its slot); one without &redef may not.
func TestRedefFunction(t *testing.T) {
	got, c := run(t, `const f: function(x: count): count &redef;
function f(x: count): count { return x; }
function g(x: count): count { return x + 1; }
redef f = g;`)
	if len(got) > 0 {
		t.Fatalf("diagnostics: %v", got)
	}
	if f := c.Program().Lookup("f"); f == nil || f.Func == nil || !f.Func.Assigned {
		t.Errorf("f not marked assigned")
	}
	got, _ = run(t, `function f(x: count): count { return x; }
function g(x: count): count { return x + 1; }
redef f = g;`)
	if len(got) != 1 || !strings.Contains(got[0], "already defined") {
		t.Errorf("redef of a function without &redef: %v", got)
	}
}

// TestNegatedVectorType: -v on a vector of count is a vector of int.
func TestNegatedVectorType(t *testing.T) {
	_, c := run(t, `global v = vector(1, 2); global n = -v; global m = -vector(1.5); global i = -vector(1sec);`)
	p := c.Program()
	if got := p.Lookup("n").Type.String(); got != "vector of int" {
		t.Errorf("-v: %s", got)
	}
	if got := p.Lookup("m").Type.String(); got != "vector of double" {
		t.Errorf("-vector(1.5): %s", got)
	}
	if got := p.Lookup("i").Type.String(); got != "vector of interval" {
		t.Errorf("-vector(1sec): %s", got)
	}
}

// TestFormatAssert: assertion conditions keep string quotes and show the
// checker's arithmetic conversions, in Zeek's operand order.
func TestFormatAssert(t *testing.T) {
	src := `event zeek_init() { local x = 2;
assert fmt("%s", 1) == "2";
assert to_count("42") == 42.5;
assert x == 1;
assert x == 1.5;
assert "abc" in fmt("x\n");
}`
	got, c := run(t, src)
	if len(got) > 0 {
		t.Fatalf("diagnostics: %v", got)
	}
	want := []string{
		`fmt("%s", 1) == "2"`,
		`(coerce to_count("42", 10) to double) == 42.5`,
		`1 == x`,
		`1.5 == (coerce x to double)`,
		`"abc" in fmt("x\x0a")`,
	}
	var i int
	for _, b := range c.Program().Bodies {
		if b.Decl == nil {
			continue
		}
		for _, s := range b.Decl.Body.Stmts {
			a, ok := s.(*ast.AssertStmt)
			if !ok {
				continue
			}
			if i < len(want) {
				if got := c.Program().FormatAssert(a.Cond); got != want[i] {
					t.Errorf("assert %d: %s, want %s", i, got, want[i])
				}
			}
			i++
		}
	}
	if i != len(want) {
		t.Errorf("%d asserts, want %d", i, len(want))
	}
}
