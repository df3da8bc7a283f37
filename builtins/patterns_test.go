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
		// 0 means no limit (split_string is split_string_n(s, re, F, 0) in Zeek).
		{"split_string_n", []value.Value{S("a1b2c"), pat("[0-9]"), B(true), C(0)}, []string{"a", "1", "b", "2", "c"}},
		{"split_string_n", []value.Value{S("a1b2c"), pat("[0-9]"), B(false), C(0)}, []string{"a", "b", "c"}},
		{"split_string_n", []value.Value{S("a1b2c"), pat("[0-9]"), B(false), C(10)}, []string{"a", "b", "c"}},
		{"split_string_n", []value.Value{S(""), pat("[0-9]"), B(true), C(1)}, []string{""}},
		{"split_string_n", []value.Value{S("1"), pat("[0-9]"), B(true), C(1)}, []string{"", "1", ""}},
		// Empty matches are not separators.
		{"split_string_n", []value.Value{S("ab"), pat("x*"), B(true), C(0)}, []string{"ab"}},
		// B:bifs.split_string: "this is a test" split by /hi|es/.
		{"split_string_n", []value.Value{S("this is a test"), pat("hi|es"), B(false), C(1)}, []string{"t", "s is a test"}},
		{"split_string_n", []value.Value{S("this is a test"), pat("hi|es"), B(true), C(1)}, []string{"t", "hi", "s is a test"}},
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
		// Zeek tries a pattern at each position in turn, so `^` holds
		// wherever a match is tried.
		{"sub", "xaa", "^a", "Z", "xZa"},
		{"gsub", "x ab ab", "^ab", "Z", "x Z Z"},
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

// B:bifs.find_all/out, B:bifs.find_all_ordered/out and the BIF docs.
func TestFindAll(t *testing.T) {
	ctx := &fakeCtx{}
	word := pat("[a-z]+")
	ordered := []struct {
		in   string
		max  int64
		want []string
	}{
		{"this is a test", -1, []string{"this", "is", "a", "test"}},
		{"one two three four one two three four", -1, []string{"one", "two", "three", "four", "one", "two", "three", "four"}},
		{"this is a test test test", -1, []string{"this", "is", "a", "test", "test", "test"}},
		{"1 2 3 4", -1, nil},
		{"a b", -1, []string{"a", "b"}},
		{"foo", -1, []string{"foo"}},
		{"1bar2foo3", -1, []string{"bar", "foo"}},
		{"", -1, nil},
		{"this is a test", 5, nil},                                 // longer than max_str_size
		{"this is a test", 0, []string{"this", "is", "a", "test"}}, // 0: no limit
		{string(make([]byte, 10001)), -1, nil},                     // default limit 10000
	}
	for _, tc := range ordered {
		got, err := call(t, ctx, "find_all_ordered", S(tc.in), word, I(tc.max))
		if err != nil || !slices.Equal(strs(got), tc.want) {
			t.Errorf("find_all_ordered(%.20q, %d) = %q, %v; want %q", tc.in, tc.max, strs(got), err, tc.want)
		}
	}
	set, _ := call(t, ctx, "find_all", S("this is a test"), pat("hi|es"), I(-1))
	var members []string
	for it := set.P.(*value.Table).Iter(); it.Next(); {
		members = append(members, it.Key1().Str())
	}
	slices.Sort(members)
	if !slices.Equal(members, []string{"es", "hi"}) {
		t.Errorf("find_all = %q", members)
	}
	set, _ = call(t, ctx, "find_all", S("this is a test"), pat("aa|bb"), I(-1))
	if n := set.P.(*value.Table).Len(); n != 0 {
		t.Errorf("find_all(no match) has %d members", n)
	}
	set, _ = call(t, ctx, "find_all", S("a a a"), pat("a"), I(-1))
	if n := set.P.(*value.Table).Len(); n != 1 {
		t.Errorf("find_all keeps duplicates: %d members", n)
	}
	// An anchored pattern matches at every position (base/utils/urls'
	// url_regex starts with ^).
	vec, _ := call(t, ctx, "find_all_ordered", S("see http://a.test/x and ftp://b.test/y"), pat(`^[a-z]{3,5}:\/\/[^[:blank:]]*`), I(-1))
	if got := strs(vec); !slices.Equal(got, []string{"http://a.test/x", "ftp://b.test/y"}) {
		t.Errorf("find_all_ordered(^pattern) = %q", got)
	}
}

func TestFindLast(t *testing.T) {
	tests := []struct {
		in, re, want string
	}{
		{"this is a test", "hi|es", "es"},
		{"this is a test", "aa|bb", ""},
		{"abc", ".*", "c"}, // the match starting last, not the longest
		{"a1b22c333", "[0-9]+", "3"},
		{"", "x", ""},
	}
	for _, tc := range tests {
		got, err := call(t, nil, "find_last", S(tc.in), pat(tc.re), I(-1))
		if err != nil || got.Str() != tc.want {
			t.Errorf("find_last(%q, /%s/) = %q, %v; want %q", tc.in, tc.re, got.Str(), err, tc.want)
		}
	}
}

// B:bifs.convert_for_pattern, B:bifs.string_to_pattern/out,
// B:bifs.merge_pattern/out.
func TestPatternConversions(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"foo", "foo"},
		{"", ""},
		{"b[a-z]+", `b\[a\-z\]\+`},
		{`^$-:"\/|*+?.(){}[]`, `\^\$\-\:\"\\\/\|\*\+\?\.\(\)\{\}\[\]`},
	} {
		got, _ := call(t, nil, "convert_for_pattern", S(tc.in))
		if got.Str() != tc.want {
			t.Errorf("convert_for_pattern(%q) = %q, want %q", tc.in, got.Str(), tc.want)
		}
	}
	for _, tc := range []struct {
		in      string
		convert bool
		want    string
	}{
		{"foo", false, "/^?(foo)$?/"},
		{"", false, "/^?()$?/"},
		{"b[a-z]+", false, "/^?(b[a-z]+)$?/"},
		{"foo", true, "/^?(foo)$?/"},
		{"", true, "/^?()$?/"},
		{"b[a-z]+", true, `/^?(b\[a\-z\]\+)$?/`},
	} {
		got, err := call(t, nil, "string_to_pattern", S(tc.in), B(tc.convert))
		if s := value.Render(got, types.PatternType, value.ModePrint); err != nil || s != tc.want {
			t.Errorf("string_to_pattern(%q, %v) = %s, %v; want %s", tc.in, tc.convert, s, err, tc.want)
		}
	}
	p, _ := call(t, nil, "string_to_pattern", S("b[a-z]+"), B(true))
	if p.P.(*value.Pattern).MatchExact("bar") || !p.P.(*value.Pattern).MatchExact("b[a-z]+") {
		t.Errorf("string_to_pattern(convert) does not match literally")
	}
	if _, err := call(t, nil, "string_to_pattern", S("a("), B(false)); err == nil {
		t.Errorf("string_to_pattern(bad): no error")
	}
	m, err := call(t, nil, "merge_pattern", pat("foo"), pat("b[a-z]+"))
	mp := m.P.(*value.Pattern)
	if err != nil || !mp.MatchExact("bar") || !mp.MatchExact("foo") || mp.MatchExact("x") {
		t.Errorf("merge_pattern: %v", err)
	}
}
