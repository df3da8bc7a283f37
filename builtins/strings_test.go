package builtins

import (
	"slices"
	"testing"

	"github.com/gobro/gobro/lang/types"
	"github.com/gobro/gobro/runtime/value"
)

func TestStringFuncs(t *testing.T) {
	const ws = " \t\n\r\v\f"
	tests := []struct {
		name string
		args []value.Value
		want string
		err  string
	}{
		{"to_lower", []value.Value{S("HeLLo 123 \xC4")}, "hello 123 \xC4", ""},
		{"to_upper", []value.Value{S("HeLLo 123 \xe4")}, "HELLO 123 \xe4", ""},
		{"strip", []value.Value{S("  this is a test ")}, "this is a test", ""},
		{"strip", []value.Value{S("")}, "", ""},
		{"strip", []value.Value{S(" ")}, "", ""},
		{"strip", []value.Value{S("\t\v\f\r\nx\n")}, "x", ""},
		{"lstrip", []value.Value{S("  \tab c "), S(ws)}, "ab c ", ""},
		{"lstrip", []value.Value{S("xxyabcxx"), S("xy")}, "abcxx", ""},
		{"rstrip", []value.Value{S(" ab c \n"), S(ws)}, " ab c", ""},
		{"rstrip", []value.Value{S("xxabcyx"), S("xy")}, "xxabc", ""},
		{"rstrip", []value.Value{S("abc"), S("")}, "abc", ""},
		// sub_bytes: 1-based start, 0 acts as 1, n < 0 means "to the end".
		{"sub_bytes", []value.Value{S("abcdefghij"), C(2), I(4)}, "bcde", ""},
		{"sub_bytes", []value.Value{S("broisaveryneatids"), C(0), I(3)}, "bro", ""},
		{"sub_bytes", []value.Value{S("broisaveryneatids"), C(1), I(3)}, "bro", ""},
		{"sub_bytes", []value.Value{S("broisaveryneatids"), C(10), I(10)}, "yneatids", ""},
		{"sub_bytes", []value.Value{S("abc"), C(2), I(-1)}, "bc", ""},
		{"sub_bytes", []value.Value{S("abc"), C(2), I(0)}, "", ""},
		{"sub_bytes", []value.Value{S("abc"), C(4), I(1)}, "", ""},
		{"sub_bytes", []value.Value{S("abc"), C(3), I(1)}, "c", ""},
		{"subst_string", []value.Value{S("aaa bbb aaa"), S("aa"), S("X")}, "Xa bbb Xa", ""},
		{"subst_string", []value.Value{S("abc"), S(""), S("X")}, "abc", ""},
		{"subst_string", []value.Value{S("abc"), S("abc"), S("")}, "", ""},
		{"string_cat", []value.Value{S("a"), S(""), S("bc"), value.Box(S("d"), types.StringType)}, "abcd", ""},
		{"string_cat", nil, "", ""},
		{"string_cat", []value.Value{S("a"), value.Box(C(1), types.CountType)}, "", "string_cat: argument 2 is not a string"},
		{"reverse", []value.Value{S("abc\x00d")}, "d\x00cba", ""},
		{"reverse", []value.Value{S("")}, "", ""},
		// Zeek's escape_string baseline: "Test \0string" (12 bytes) → 15 bytes.
		{"clean", []value.Value{S("Test \x00string")}, `Test \x00string`, ""},
		{"clean", []value.Value{S("a\\b\"\x7f\xff")}, `a\b"\x7f\xff`, ""},
		{"escape_string", []value.Value{S("Test \x00string")}, `Test \x00string`, ""},
		{"escape_string", []value.Value{S(`a\b"`)}, `a\\b"`, ""},
		{"to_string_literal", []value.Value{S("Test \x00string")}, `Test \x00string`, ""},
		{"to_string_literal", []value.Value{S(`a\b"c'`)}, `a\\b\"c\'`, ""},
		{"string_to_ascii_hex", []value.Value{S("Test \x00string")}, "546573742000737472696e67", ""},
		{"safe_shell_quote", []value.Value{S(`echo "$HOME" \ ` + "`id`")}, `"echo \"\$HOME\" \\ \` + "`id\\`" + `"`, ""},
		{"safe_shell_quote", []value.Value{S("")}, `""`, ""},
		{"bytestring_to_hexstr", []value.Value{S("04")}, "3034", ""},
		{"bytestring_to_hexstr", []value.Value{S("\x01\xAB\xff")}, "01abff", ""},
		{"bytestring_to_hexstr", []value.Value{S("")}, "", ""},
		{"hexstr_to_bytestring", []value.Value{S("3034")}, "04", ""},
		{"hexstr_to_bytestring", []value.Value{S("666f6F626172")}, "foobar", ""},
		{"hexstr_to_bytestring", []value.Value{S("01020304")}, "\x01\x02\x03\x04", ""},
		{"hexstr_to_bytestring", []value.Value{S("")}, "", ""},
		{"hexstr_to_bytestring", []value.Value{S("abc")}, "", "Hex string 'abc' has invalid length."},
		{"encode_base64", []value.Value{S("bro"), S("")}, "YnJv", ""},
		{"encode_base64", []value.Value{S("b"), S("")}, "Yg==", ""},
		{"encode_base64", []value.Value{S("br"), S("")}, "YnI=", ""},
		{"encode_base64", []value.Value{S(""), S("")}, "", ""},
		{"encode_base64", []value.Value{S("bro"), S("!#$%&/(),-.:;<>@[]^ `_{|}~abcdefghijklmnopqrstuvwxyz0123456789+?")}, "}n-v", ""},
		{"encode_base64", []value.Value{S("bro"), S("abc")}, "", "base64 alphabet is not 64 characters: abc"},
		{"decode_base64", []value.Value{S("YnJv"), S("")}, "bro", ""},
		{"decode_base64", []value.Value{S("YnJv"), S(base64Std)}, "bro", ""},
		{"decode_base64", []value.Value{S("}n-v"), S("!#$%&/(),-.:;<>@[]^ `_{|}~abcdefghijklmnopqrstuvwxyz0123456789+?")}, "bro", ""},
		{"decode_base64", []value.Value{S("Yg=="), S("")}, "b", ""},
		{"decode_base64", []value.Value{S("YnI="), S("")}, "br", ""},
		{"decode_base64", []value.Value{S("YnJvYnJv"), S("")}, "brobro", ""},
		{"unescape_URI", []value.Value{S("/a%20b%2Fc%41")}, "/a b/cA", ""},
		{"unescape_URI", []value.Value{S("100%")}, "100%", ""},
		{"unescape_URI", []value.Value{S("%4")}, "%4", ""},
		{"unescape_URI", []value.Value{S("%zz%%41+")}, "%zz%A+", ""},
	}
	for _, tc := range tests {
		got, err := call(t, nil, tc.name, tc.args...)
		if errText(err) != tc.err {
			t.Errorf("%s(%v): error %q, want %q", tc.name, tc.args, errText(err), tc.err)
			continue
		}
		if got.Str() != tc.want {
			t.Errorf("%s(%v) = %q, want %q", tc.name, tc.args, got.Str(), tc.want)
		}
	}
}

func TestStringPredicates(t *testing.T) {
	tests := []struct {
		name string
		args []value.Value
		want bool
	}{
		{"starts_with", []value.Value{S("hello"), S("he")}, true},
		{"starts_with", []value.Value{S("hello"), S("")}, true},
		{"starts_with", []value.Value{S("he"), S("hello")}, false},
		{"ends_with", []value.Value{S("hello"), S("llo")}, true},
		{"ends_with", []value.Value{S("hello"), S("hel")}, false},
		{"is_num", []value.Value{S("12345")}, true},
		{"is_num", []value.Value{S("")}, false},
		{"is_num", []value.Value{S("-1")}, false},
		{"is_num", []value.Value{S("1.5")}, false},
		{"is_num", []value.Value{S("12a")}, false},
		{"is_alnum", []value.Value{S("abcXYZ019")}, true},
		{"is_alnum", []value.Value{S("abc 1")}, false},
		{"is_alnum", []value.Value{S("")}, false},
	}
	for _, tc := range tests {
		got, err := call(t, nil, tc.name, tc.args...)
		if err != nil || got.Bool() != tc.want {
			t.Errorf("%s(%v) = %v, %v; want %v", tc.name, tc.args, got.Bool(), err, tc.want)
		}
	}
}

func TestStrstrStrcmp(t *testing.T) {
	s1 := "broisaveryneatids"
	for _, tc := range []struct {
		little string
		want   uint64
	}{{"isa", 4}, {"very", 7}, {"ids", 15}, {"nono", 0}, {"bro", 1}, {"", 1}} {
		got, _ := call(t, nil, "strstr", S(s1), S(tc.little))
		if got.Count() != tc.want {
			t.Errorf("strstr(%q, %q) = %d, want %d", s1, tc.little, got.Count(), tc.want)
		}
	}
	for _, tc := range []struct {
		a, b string
		sign int
	}{{"abc", "abc", 0}, {"abc", "abd", -1}, {"abd", "abc", 1}, {"ab", "abc", -1}, {"abc", "ab", 1}, {"", "", 0}, {"\xff", "a", 1}} {
		got, _ := call(t, nil, "strcmp", S(tc.a), S(tc.b))
		sign := 0
		if got.Int() < 0 {
			sign = -1
		} else if got.Int() > 0 {
			sign = 1
		}
		if sign != tc.sign {
			t.Errorf("strcmp(%q, %q) = %d, want sign %d", tc.a, tc.b, got.Int(), tc.sign)
		}
	}
}

func TestJoinStringVec(t *testing.T) {
	ctx := &fakeCtx{}
	vec := StringVec(ctx, []string{"a", "b", "c"})
	got, _ := call(t, ctx, "join_string_vec", vec, S(", "))
	if got.Str() != "a, b, c" {
		t.Errorf("join_string_vec = %q", got.Str())
	}
	// A hole joins as "".
	vec.P.(*value.Vector).Elems[1] = value.None
	got, _ = call(t, ctx, "join_string_vec", vec, S("-"))
	if got.Str() != "a--c" {
		t.Errorf("join_string_vec with hole = %q", got.Str())
	}
	got, _ = call(t, ctx, "join_string_vec", StringVec(ctx, nil), S("-"))
	if got.Str() != "" {
		t.Errorf("join_string_vec(empty) = %q", got.Str())
	}
}

func TestStrSplitIndices(t *testing.T) {
	ctx := &fakeCtx{}
	tests := []struct {
		s    string
		idx  []uint64
		want []string
	}{
		{"00a0327d818f", []uint64{2, 4, 6, 8, 10}, []string{"00", "a0", "32", "7d", "81", "8f"}},
		// As SNMP's ifTable code uses it: 0 and duplicates add no piece.
		{"2.17", []uint64{0, 1, 2}, []string{"2", ".", "17"}},
		{"broisaveryneatids", []uint64{0, 3, 5, 6, 10, 14}, []string{"bro", "is", "a", "very", "neat", "ids"}},
		{"abc", []uint64{2, 1, 1}, []string{"a", "b", "c"}},
		{"abc", []uint64{3, 7}, []string{"abc"}},
		{"abc", nil, []string{"abc"}},
	}
	for _, tc := range tests {
		got, err := call(t, ctx, "str_split_indices", S(tc.s), indexVec(ctx, tc.idx))
		if err != nil || !slices.Equal(strs(got), tc.want) {
			t.Errorf("str_split_indices(%q, %v) = %q, %v; want %q", tc.s, tc.idx, strs(got), err, tc.want)
		}
		if vt := got.P.(*value.Vector).Type; vt.String() != "string_vec" {
			t.Errorf("str_split_indices result type %s", vt)
		}
	}
}

func TestDecodeBase64Errors(t *testing.T) {
	// Zeek reports the first bad character only (bifs.decode_base64_errors).
	for _, tc := range []struct {
		in, report string
	}{
		{"^#@!@##$!===", "error: character 94 ignored by Base64 decoding"},
		{"\xed\xee\xef===", "error: character 237 ignored by Base64 decoding"},
	} {
		ctx := &fakeCtx{}
		got, err := call(t, ctx, "decode_base64", S(tc.in), S(""))
		if err != nil || got.Str() != "" {
			t.Errorf("decode_base64(%q) = %q, %v", tc.in, got.Str(), err)
		}
		if len(ctx.reports) != 1 || ctx.reports[0] != tc.report {
			t.Errorf("decode_base64(%q) reported %q, want %q", tc.in, ctx.reports, tc.report)
		}
	}
	ctx := &fakeCtx{}
	got, _ := call(t, ctx, "decode_base64", S("YnJvY"), S(""))
	if got.Str() != "bro" || len(ctx.reports) != 1 || ctx.reports[0] != "error: incomplete base64 group, padding with 18 bits of 0" {
		t.Errorf("decode_base64(incomplete) = %q, reports %q", got.Str(), ctx.reports)
	}
	_, err := call(t, ctx, "decode_base64", S("YnJv"), S("short"))
	if errText(err) != "base64 decoding alphabet is not 64 characters: short" {
		t.Errorf("decode_base64 bad alphabet: %v", err)
	}
}
