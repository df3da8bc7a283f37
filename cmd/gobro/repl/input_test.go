package repl

import (
	"slices"
	"testing"

	"github.com/gobro/gobro/lang/frontend"
	"github.com/gobro/gobro/lang/load"
)

func TestComplete(t *testing.T) {
	for text, want := range map[string]bool{
		"x + 1":                              true,
		".help":                              true,
		"print \"(\";":                       true, // the paren is in a string
		"function f(): count":                false,
		"function f(): count\n{":             false,
		"function f(): count\n{ return 1; }": true,
		"event e() {\n print 1;\n}":          true,
		"1 +":                                false,
		"local s = set(1,\n":                 false,
		"local s = set(1,\n2)":               true,
		"/[(]/ in \"(\"":                     true, // the paren is in a pattern
		"x = \"unterminated":                 true, // a lexical error is reported, not waited on
	} {
		if got := complete(text); got != want {
			t.Errorf("complete(%q) = %v, want %v", text, got, want)
		}
	}
}

func TestWithSemicolon(t *testing.T) {
	for text, want := range map[string]string{
		"x + 1":                        "x + 1;",
		"print 1;":                     "print 1;",
		"event e() { }":                "event e() { }",
		"type R: record { a: count; }": "type R: record { a: count; };",
		"nosuch(":                      "nosuch(", // neither parses: the error is reported as typed
	} {
		if got := withSemicolon(text); got != want {
			t.Errorf("withSemicolon(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestCompleter(t *testing.T) {
	res := frontend.Load(&frontend.Config{SearchPath: load.SearchPath(func(string) string { return "" }), Bare: true,
		Exec: []string{"type Pair: record { alpha: count; beta: string; }; global my_pair: Pair; global my_count = 1; local my_local = Pair($alpha=1, $beta=\"b\")"}})
	if res.Diags.HasErrors() {
		t.Fatal(res.Diags.Items[0].Header())
	}
	c := completer{&session{res: res}}
	for line, want := range map[string][]string{
		"my_":           {"count", "local", "pair"},
		"x + my_p":      {"air"},
		"my_pair$":      {"alpha", "beta"},
		"my_pair$be":    {"ta"},
		"my_local$al":   {"pha"}, // a top-level local
		".he":           {"lp"},
		"to_cou":        {"nt"},               // a built-in
		"Reporter::inf": {"o", "o_to_stderr"}, // module-qualified
	} {
		got, _ := c.Do([]rune(line), len([]rune(line)))
		var strs []string
		for _, g := range got {
			strs = append(strs, string(g))
		}
		if !slices.Equal(strs, want) {
			t.Errorf("completing %q: %q, want %q", line, strs, want)
		}
	}
}
