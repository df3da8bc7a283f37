package check_test

import (
	"strings"
	"testing"
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
