package value

import (
	"testing"
)

func TestPatternMatch(t *testing.T) {
	for _, tc := range []struct {
		src      string
		i, s     bool
		subject  string
		exact    bool
		anywhere bool
	}{
		{"foo", false, false, "foo", true, true},
		{"foo", false, false, "xfoox", false, true},
		{"^foo|bar", false, false, "xbar", false, true},
		{"^foo|bar", false, false, "xfoo", false, false},
		{"[[:digit:]]{2,3}", false, false, "123", true, true},
		{"[[:digit:]]{2,3}", false, false, "1", false, false},
		{"[[:alpha:]_][[:alnum:]_]*", false, false, "a_1", true, true},
		{`"a.b"+`, false, false, "a.bbb", false, true}, // + repeats the whole quoted string
		{`"a.b"+`, false, false, "a.ba.b", true, true},
		{`"a.b"`, false, false, "axb", false, false},
		{`"a.b"`, false, false, "a.b", true, true},
		{`a\.b`, false, false, "a.b", true, true},
		{`a\/b`, false, false, "a/b", true, true},
		{"FOO", true, false, "foo", true, true},
		{"a.b", false, false, "a\nb", false, false},
		{"a.b", false, true, "a\nb", true, true},
		{`\x41\102`, false, false, "AB", true, true},
		{`[^a-c]`, false, false, "d", true, true},
		{`[]a]`, false, false, "]", true, true},
		{`[a-]`, false, false, "-", true, true},
		{`.`, false, false, "\xff", true, true},
		{`\xff\x00`, false, false, "\xff\x00", true, true},
		{`[\x80-\xff]+`, false, false, "\x80\xc3\xa9", true, true},
		{`x{`, false, false, "x{", true, true},
		{`(?i:ab)c`, false, false, "ABc", true, true},
		{`\b`, false, false, "\b", true, true},
		{`.*PATTERN.*`, false, false, "a PATTERN b", true, true},
	} {
		p, err := NewPattern(tc.src, tc.i, tc.s)
		if err == nil {
			err = p.Compile()
		}
		if err != nil {
			t.Errorf("/%s/: %v", tc.src, err)
			continue
		}
		if got := p.MatchExact(tc.subject); got != tc.exact {
			t.Errorf("/%s/ == %q: %v (go %s)", tc.src, tc.subject, got, p.GoSyntax())
		}
		if got := p.MatchAnywhere(tc.subject); got != tc.anywhere {
			t.Errorf("/%s/ in %q: %v (go %s)", tc.src, tc.subject, got, p.GoSyntax())
		}
		if got := p.MatchAnywhereBytes([]byte(tc.subject)); got != tc.anywhere {
			t.Errorf("/%s/ in bytes %q: %v (go %s)", tc.src, tc.subject, got, p.GoSyntax())
		}
	}
	for _, bad := range []string{`"abc`, `[abc`, `abc\`} {
		if _, err := NewPattern(bad, false, false); err == nil {
			t.Errorf("/%s/ accepted", bad)
		}
	}
}

func TestPatternText(t *testing.T) {
	foo := MustPattern("foo", false, false)
	bar := MustPattern("bar", false, false)
	for _, tc := range []struct {
		p    *Pattern
		want string
	}{
		{MustPattern("x", true, false), "(?i:^?(x)$?)"},
		{MustPattern("x", false, true), "(?s:^?(x)$?)"},
		{AddAlt(foo, bar), "(^?(^?(bar)$?)$?)|(^?(^?(foo)$?)$?)"},
		{Or(foo, bar), "^?((^?(foo)$?)|(^?(bar)$?))$?"},
		{And(foo, bar), "^?((^?(foo)$?)(^?(bar)$?))$?"},
	} {
		if got := tc.p.Text(); got != tc.want {
			t.Errorf("text %q, want %q", got, tc.want)
		}
	}
	if !AddAlt(foo, bar).MatchExact("bar") || !AddAlt(foo, bar).MatchExact("foo") || AddAlt(foo, bar).MatchExact("foobar") {
		t.Error("AddAlt match")
	}
	if !And(foo, bar).MatchExact("foobar") || And(foo, bar).MatchExact("foo") {
		t.Error("And match")
	}
	if !Or(foo, bar).MatchAnywhere("xxbarxx") {
		t.Error("Or match")
	}
	p := MustPattern("a+", false, false)
	if got := p.FindAllIndex("\xffaa\xffa", -1); len(got) != 2 || got[0][0] != 1 || got[0][1] != 3 || got[1][0] != 4 {
		t.Errorf("FindAllIndex %v", got)
	}
}
