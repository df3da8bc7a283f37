package builtins

import (
	"slices"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func pat(src string) value.Value { return value.Value{P: value.MustPattern(src, false, false)} }

func TestSplitString(t *testing.T) {
	ctx := &fakeCtx{}
	tests := []struct {
		name string
		args []value.Value
		want []string
	}{
		{"split_string", []value.Value{S("a1b22c"), pat("[0-9]+")}, []string{"a", "b", "c"}},
		{"split_string", []value.Value{S("a1b2"), pat("[0-9]")}, []string{"a", "b", ""}},
		{"split_string", []value.Value{S("abc"), pat("x")}, []string{"abc"}},
		{"split_string", []value.Value{S(""), pat("x")}, []string{""}},
		{"split_string1", []value.Value{S("X-Mailer: Testing Test (http://www.example.com)"), pat(":[[:blank:]]*")}, []string{"X-Mailer", "Testing Test (http://www.example.com)"}},
		{"split_string_all", []value.Value{S("A = B = C = D"), pat("=")}, []string{"A ", "=", " B ", "=", " C ", "=", " D"}},
		{"split_string_n", []value.Value{S("a1b2c3d"), pat("[0-9]"), B(false), C(2)}, []string{"a", "b", "c3d"}},
		{"split_string_n", []value.Value{S("a1b2c3d"), pat("[0-9]"), B(true), C(1)}, []string{"a", "1", "b2c3d"}},
		{"split_string_n", []value.Value{S("a1b"), pat("[0-9]"), B(true), C(0)}, []string{"a1b"}},
	}
	for _, tc := range tests {
		got, err := call(t, ctx, tc.name, tc.args...)
		if err != nil || !slices.Equal(strs(got), tc.want) {
			t.Errorf("%s(%q) = %q, %v; want %q", tc.name, tc.args[0].Str(), strs(got), err, tc.want)
		}
	}
}

func TestSubGsub(t *testing.T) {
	tests := []struct {
		name, s, re, repl, want string
	}{
		{"sub", "this is a test", "is", "XX", "thXX is a test"},
		{"gsub", "this is a test", "is", "XX", "thXX XX a test"},
		{"gsub", "aaa", "a+", "b", "b"}, // longest match
		{"gsub", "abc", "x", "y", "abc"},
		{"sub", "a&b", "&", "\\0", "a\\0b"}, // the replacement is literal
	}
	for _, tc := range tests {
		got, err := call(t, nil, tc.name, S(tc.s), pat(tc.re), S(tc.repl))
		if err != nil || got.Str() != tc.want {
			t.Errorf("%s(%q, /%s/, %q) = %q, %v; want %q", tc.name, tc.s, tc.re, tc.repl, got.Str(), err, tc.want)
		}
	}
}

func TestJoinStringSet(t *testing.T) {
	set := value.NewTable(types.NewSet(types.StringType))
	for _, s := range []string{"a", "b", "c"} {
		set.Add1(S(s))
	}
	got, _ := call(t, nil, "join_string_set", value.Value{P: set}, S(", "))
	if got.Str() != "a, b, c" {
		t.Errorf("join_string_set = %q", got.Str())
	}
	empty := value.NewTable(types.NewSet(types.StringType))
	got, _ = call(t, nil, "join_string_set", value.Value{P: empty}, S(", "))
	if got.Str() != "" {
		t.Errorf("join_string_set(empty) = %q", got.Str())
	}
}
